-- wrk script for bench/soak.py: top-10 queries for random users of one model, counting answers by status.
local users = {}
for line in io.lines(os.getenv("USERS_FILE")) do
  if #line > 0 then users[#users + 1] = line end
end
local model = os.getenv("MODEL_ID")
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  math.randomseed(42 + #users)
  s2xx, s4xx, s503, s5xx = 0, 0, 0, 0
end

request = function()
  return wrk.format("GET", "/api/models/" .. model .. "/recommendations?user=" .. users[math.random(#users)] .. "&n=10")
end

response = function(status, headers, body)
  if status < 300 then s2xx = s2xx + 1
  elseif status == 503 then s503 = s503 + 1
  elseif status >= 500 then s5xx = s5xx + 1
  else s4xx = s4xx + 1 end
end

done = function(summary, latency, requests)
  local ok, c4, c503, c5 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("s2xx"); c4 = c4 + t:get("s4xx"); c503 = c503 + t:get("s503"); c5 = c5 + t:get("s5xx")
  end
  local e = summary.errors
  io.write(string.format('WRK {"requests":%d,"socketErrors":%d,"timeouts":%d,"s2xx":%d,"s4xx":%d,"s503":%d,"s5xx":%d,"seconds":%.3f,"p50":%.3f,"p99":%.3f,"max":%.3f}\n',
    summary.requests, e.connect + e.read + e.write, e.timeout, ok, c4, c503, c5, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

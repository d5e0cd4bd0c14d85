-- wrk script for bench/topn.sh: top-10 queries for random users of one dataset, seeded.
local users = {}
for line in io.lines(os.getenv("USERS_FILE")) do
  if #line > 0 then users[#users + 1] = line end
end
local model = os.getenv("MODEL_ID")
math.randomseed(42)

request = function()
  return wrk.format("GET", "/api/models/" .. model .. "/recommendations?user=" .. users[math.random(#users)] .. "&n=10")
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"requests":%d,"errors":%d,"non2xx":%d,"seconds":%.3f,"p50":%.3f,"p99":%.3f}\n',
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

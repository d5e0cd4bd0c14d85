using System.Globalization;
using System.Text.Json;
using GanRsSandbox.Ml.Clustering;

// Benchmark drivers that print JSON for the scripts in bench/ to set side by side with a peer.
//   kmeans --n N --dim D --k K --seed S --iterations I [--tolerance T] [--points FILE.f32] [--write-points FILE.f32]
var options = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
string Get(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;

switch (args.FirstOrDefault())
{
    case "kmeans":
    {
        var n = int.Parse(Get("n", "800000"), CultureInfo.InvariantCulture);
        var dim = int.Parse(Get("dim", "5"), CultureInfo.InvariantCulture);
        var k = int.Parse(Get("k", "2000"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Get("seed", "1"), CultureInfo.InvariantCulture);
        float[] points;
        if (options.TryGetValue("points", out var input))
        {
            var bytes = File.ReadAllBytes(input);
            points = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, points, 0, bytes.Length);
            n = points.Length / dim;
        }
        else
        {
            // Standard normal points, as the peer's kmeans command draws them (its numpy stream differs).
            var random = new Random(seed);
            points = new float[n * dim];
            for (var i = 0; i < points.Length; i += 2)
            {
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                var radius = Math.Sqrt(-2 * Math.Log(u1));
                points[i] = (float)(radius * Math.Cos(2 * Math.PI * u2));
                if (i + 1 < points.Length)
                {
                    points[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2));
                }
            }
        }
        if (options.TryGetValue("write-points", out var output))
        {
            var bytes = new byte[points.Length * 4];
            Buffer.BlockCopy(points, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(output, bytes);
        }
        var result = KMeans.Fit(points, dim, k, new KMeansOptions
        {
            MaxIterations = int.Parse(Get("iterations", "100"), CultureInfo.InvariantCulture),
            Tolerance = double.Parse(Get("tolerance", "1e-4"), CultureInfo.InvariantCulture),
            Seed = seed,
        });
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            ours = "GanRsSandbox KMeans",
            n,
            dim,
            k,
            iterations = result.Iterations,
            converged = result.Converged,
            inertia = result.Inertia,
            seconds = result.Seconds,
            clusters = result.Labels.Distinct().Count(),
        }));
        return 0;
    }
    case "gemm-rate":
    {
        // The machine's fp32 matrix-multiply rate on all cores, through the same libtorch the engine uses.
        TorchSharp.torch.set_num_threads(Environment.ProcessorCount);
        using var a = TorchSharp.torch.rand(2000, 2000);
        using var b = TorchSharp.torch.rand(2000, 2000);
        using (a.matmul(b)) { }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        const int Repeats = 10;
        for (var r = 0; r < Repeats; r++)
        {
            using var c = a.matmul(b);
        }
        var gflops = Repeats * 2.0 * 2000 * 2000 * 2000 / clock.Elapsed.TotalSeconds / 1e9;
        Console.WriteLine(JsonSerializer.Serialize(new { gflops, threads = Environment.ProcessorCount }));
        return 0;
    }
    case "topn":
    {
        // The same top-N queries the HTTP benchmark sends, scored in-process by the engine: the floor for serving.
        var model = GanRsSandbox.Ml.Models.BaselineModel.Load(Get("model", ""));
        var data = GanRsSandbox.Ml.Data.DatasetFile.Load(Get("dataset", ""));
        var users = File.ReadAllLines(Get("users", "")).Where(u => u.Length > 0).Select(u => Array.IndexOf(data.UserIds, u)).ToArray();
        var seconds = double.Parse(Get("seconds", "10"), CultureInfo.InvariantCulture);
        var threads = int.Parse(Get("threads", "2"), CultureInfo.InvariantCulture);
        var count = int.Parse(Get("n", "10"), CultureInfo.InvariantCulture);
        // A silo that has trained a baseline leaves libtorch at one intra-op thread (TorchRuntime.ThreadsForBatch).
        TorchSharp.torch.set_num_threads(1);
        var recommender = new GanRsSandbox.Ml.Models.Recommender(model, data);
        foreach (var user in users.Take(50))
        {
            recommender.Recommend(user, count);
        }
        var latencies = new List<double>[threads];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var random = new Random(42 + t);
            var mine = latencies[t] = [];
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var start = clock.Elapsed;
                recommender.Recommend(users[random.Next(users.Length)], count);
                mine.Add((clock.Elapsed - start).TotalMilliseconds);
            }
        });
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            queries = all.Length,
            qps = all.Length / clock.Elapsed.TotalSeconds,
            p50 = all[all.Length / 2],
            p99 = all[(int)(all.Length * 0.99)],
            threads,
            items = data.ItemCount,
        }));
        return 0;
    }
    case "topn-answers":
    {
        // The engine's own top-N for each listed user, by original ids: what the soak checks the live answers against.
        var model = GanRsSandbox.Ml.Models.BaselineModel.Load(Get("model", ""));
        var data = GanRsSandbox.Ml.Data.DatasetFile.Load(Get("dataset", ""));
        var count = int.Parse(Get("n", "10"), CultureInfo.InvariantCulture);
        TorchSharp.torch.set_num_threads(1);
        var recommender = new GanRsSandbox.Ml.Models.Recommender(model, data);
        var answers = File.ReadAllLines(Get("users", "")).Where(u => u.Length > 0).ToDictionary(u => u,
            u => recommender.Recommend(Array.IndexOf(data.UserIds, u), count).Select(r => data.ItemIds[r.Item]).ToArray());
        Console.WriteLine(JsonSerializer.Serialize(answers));
        return 0;
    }
    case "fidelity":
    {
        // fidelity --source u.data --work DIR --seeds 1,2,3,4,5 --settings paper,wide --variants matched,stable,popular,ganrs
        //          --ranking-seeds 1,2,3 --ranking-variants matched --ranking-ratings 300000
        FidelityBench.Run(Get("source", "../shared/datasets/ml-100k/u.data"), Get("work", "artifacts/bench/fidelity"),
            FidelityBench.List(Get("seeds", "1,2,3,4,5"), FidelityBench.Int), FidelityBench.List(Get("settings", "paper,wide"), s => s),
            FidelityBench.List(Get("variants", "matched,stable,popular,ganrs"), FidelityBench.Variant),
            FidelityBench.List(Get("ranking-seeds", ""), FidelityBench.Int), FidelityBench.List(Get("ranking-variants", "matched"), FidelityBench.Variant),
            options.TryGetValue("ranking-ratings", out var rr) && rr != "none" ? long.Parse(rr, CultureInfo.InvariantCulture) : null);
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: GanRsSandbox.Bench topn --model F --dataset F --users F [--seconds S --threads T --n N] | kmeans [--n N --dim D --k K --seed S --iterations I --tolerance T --points F --write-points F]");
        return 2;
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

/// <summary>
/// The fidelity benchmark: for each seed, one GANRS is trained on the source (or loaded from the work folder), then
/// every variant is sampled from it (the wgan variant from a Wasserstein generator of the same seed) at each setting, side by side, and the scorecard's figures are printed as one
/// JSON line per (setting, seed, variant). The ranking verdict (six models × split seeds on both sides) runs for the
/// variants and seeds asked for; the source's runs are trained once and shared.
/// </summary>
internal static class FidelityBench
{
    public static void Run(string sourcePath, string work, int[] seeds, string[] settings, GanrsVariant[] variants, int[] rankingSeeds,
        GanrsVariant[] rankingVariants, long? rankingRatings)
    {
        Directory.CreateDirectory(work);
        var source = RatingsImporter.ImportFile(sourcePath);
        var sourceUsers = DatasetStats.Degrees(source.Users, source.UserCount);
        var sourceItems = DatasetStats.Degrees(source.Items, source.ItemCount);
        var rankingOptions = new RankingOptions();
        IReadOnlyList<RankingRun>? sourceRuns = null;
        var output = Path.Combine(work, "fidelity.jsonl");
        foreach (var seed in seeds)
        {
            // One generator per seed and objective: the wgan variant samples its own, trained with the authors' WGANRS settings.
            var models = new Dictionary<GanObjective, (GanrsModel Model, double TrainSeconds)>();
            (GanrsModel Model, double TrainSeconds) Generator(GanObjective objective)
            {
                if (models.TryGetValue(objective, out var known))
                {
                    return known;
                }
                var generatorPath = Path.Combine(work, objective == GanObjective.Standard ? $"g{seed}.grsg" : $"g{seed}.{objective.ToString().ToLowerInvariant()}.grsg");
                if (File.Exists(generatorPath))
                {
                    return models[objective] = (GanrsModel.Load(generatorPath), 0);
                }
                var clock = Stopwatch.StartNew();
                var trained = GanrsTrainer.Train(source, GanrsOptions.For(objective) with { Seed = seed });
                trained.Save(generatorPath);
                return models[objective] = (trained, clock.Elapsed.TotalSeconds);
            }
            foreach (var setting in settings)
            {
                var (users, items) = setting == "wide" ? (8000, 4000) : (2000, 4000);
                foreach (var variant in variants)
                {
                    var requests = new List<long?> { null };
                    if (variant.IsMatched() && setting == "paper")
                    {
                        requests.Add(300_000);
                    }
                    var (model, trainSeconds) = Generator(variant.Objective());
                    foreach (var ratings in requests)
                    {
                        var options = new SampleOptions { Users = users, Items = items, Samples = 800_000, NoiseStd = 2.5, Seed = seed, Variant = variant, Ratings = ratings };
                        TorchSharp.torch.set_num_threads(Environment.ProcessorCount);
                        var clock = Stopwatch.StartNew();
                        var result = SyntheticSampler.Sample(model, options);
                        var sampleSeconds = clock.Elapsed.TotalSeconds;
                        var report = FidelityMetrics.Compare(source, result.Dataset, result.Dcr) with { Difficulty = result.Difficulty };
                        if (rankingSeeds.Contains(seed) && rankingVariants.Contains(variant) && setting == "paper" && ratings == rankingRatings)
                        {
                            sourceRuns ??= RankingRuns.Train(source, rankingOptions);
                            report = report with { Ranking = RankingVerdicts.From(sourceRuns, RankingRuns.Train(result.Dataset, rankingOptions), rankingOptions.N) };
                        }
                        var line = new
                        {
                            setting,
                            seed,
                            variant = variant.Name(),
                            requested = ratings,
                            ratings = result.Dataset.Count,
                            users = DatasetStats.Degrees(result.Dataset.Users, users).Count(d => d > 0),
                            items = DatasetStats.Degrees(result.Dataset.Items, items).Count(d => d > 0),
                            rawTvd = result.RawRatingTvd,
                            ganTvd = result.GanRatingTvd,
                            finalTvd = report.RatingTvd,
                            giniUsers = report.GiniUsers.Synthetic,
                            giniItems = report.GiniItems.Synthetic,
                            headShare = report.HeadShare.Synthetic,
                            ksUsers = report.UserDegreeKs,
                            ksItems = report.ItemDegreeKs,
                            nearCopies = report.Dcr?.NearCopies,
                            rhoItems = report.ItemPopularityRating?.Synthetic,
                            rhoUsers = report.UserActivityRating?.Synthetic,
                            difficulty = result.Difficulty,
                            structure = result.Structure,
                            ranking = report.Ranking,
                            trainSeconds,
                            sampleSeconds,
                            source = new { giniUsers = report.GiniUsers.Source, giniItems = report.GiniItems.Source, headShare = report.HeadShare.Source,
                                rhoItems = report.ItemPopularityRating?.Source, rhoUsers = report.UserActivityRating?.Source },
                        };
                        var json = JsonSerializer.Serialize(line, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
                        File.AppendAllText(output, json + "\n");
                        Console.WriteLine(json);
                    }
                }
            }
        }
    }

    public static T[] List<T>(string text, Func<string, T> parse) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();

    public static GanrsVariant Variant(string name) =>
        GanrsVariants.TryParse(name, out var v) ? v : throw new ArgumentException($"unknown variant {name}");

    public static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}

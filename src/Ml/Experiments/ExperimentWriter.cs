using System.Globalization;
using System.Text;
using System.Text.Json;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Figures;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>The grid's outputs: results.csv, results.json, one figure per dataset (PNG at 300 dpi and SVG) and report.md.</summary>
public static class ExperimentWriter
{
    public static void WriteAll(string folder, ExperimentReport report)
    {
        ArtifactFile.Write(Path.Combine(folder, "results.csv"), stream => Write(stream, Csv(report)));
        ArtifactFile.Write(Path.Combine(folder, "results.json"), stream => JsonSerializer.Serialize(stream, report, ExperimentRunner.Json));
        foreach (var dataset in report.Datasets)
        {
            var cells = report.Cells.Where(c => c.Dataset == dataset.Key).ToList();
            var title = $"{dataset.Key}: {dataset.Users:N0} users, {dataset.Items:N0} items, {dataset.Ratings:N0} ratings ({report.Protocol.Name()}, rating ≥ {report.Threshold})";
            var series = cells.Select(c => new CurveSeries(c.Model.Name(),
                c.Points.Where(p => p.Protocol == report.Protocol && p.Threshold == report.Threshold).ToList())).ToList();
            ArtifactFile.Write(Path.Combine(folder, "figures", dataset.Key + ".svg"), stream => Write(stream, CurveFigure.Svg(title, series)));
            ArtifactFile.Write(Path.Combine(folder, "figures", dataset.Key + ".png"), stream => stream.Write(CurveFigure.Png(title, series)));
        }
        ArtifactFile.Write(Path.Combine(folder, "report.md"), stream => Write(stream, Markdown(report)));
    }

    /// <summary>One row per dataset × model × protocol × threshold × N.</summary>
    public static string Csv(ExperimentReport report)
    {
        var csv = new StringBuilder("dataset,users,items,ratings,samples,model,protocol,threshold,n,precision,recall,f1,rmse,mae\n");
        foreach (var cell in report.Cells)
        {
            var dataset = report.Datasets.First(d => d.Key == cell.Dataset);
            foreach (var p in cell.Points.OrderBy(p => p.Protocol.Name(), StringComparer.Ordinal).ThenBy(p => p.Threshold).ThenBy(p => p.N))
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{cell.Dataset},{dataset.Users},{dataset.Items},{dataset.Ratings},{dataset.Samples},{cell.Model.Name()},{p.Protocol.Name()},{p.Threshold},{p.N},{p.Precision:R},{p.Recall:R},{p.F1:R},{cell.Rmse:R},{cell.Mae:R}\n");
            }
        }
        return csv.ToString();
    }

    public static string Markdown(ExperimentReport report)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.Append(inv, $"# GANRS reproduction: {report.Source}\n\n");
        md.Append(inv, $"Plan `{report.Plan}`, seed {report.Seed}, GANRS variant `{report.Variant.Name()}`; the six baselines trained once per dataset on a seeded 80/20 split and scored under both protocols (`results.csv` has every number). ");
        md.Append(inv, $"Rankings, trends and figures use the `{report.Protocol.Name()}` protocol at rating ≥ {report.Threshold}. The run took {report.Seconds / 60:F1} min.\n\n");

        md.Append("## Datasets\n\n| dataset | users | items | ratings | samples | rating TVD | raw TVD | Gini items (src → syn) | head share (src → syn) | reference RMSE (src → syn) | DCR median | figure |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var d in report.Datasets)
        {
            var f = d.Fidelity;
            md.Append(inv, $"| {d.Key} | {d.Users:N0} | {d.Items:N0} | {d.Ratings:N0} | {(d.Samples is { } s ? s.ToString("N0", inv) : "–")} | ");
            var reference = f?.Difficulty is { } r ? string.Create(inv, $"{r.SourceReferenceRmse:F3} → {r.SyntheticReferenceRmse:F3}") : "–";
            md.Append(f is null ? "– | – | – | – | – | – " : string.Create(inv, $"{f.RatingTvd:F3} | {f.RawRatingTvd:F3} | {f.GiniItems.Source:F3} → {f.GiniItems.Synthetic:F3} | {f.HeadShare.Source:F3} → {f.HeadShare.Synthetic:F3} | {reference} | {f.Dcr?.Median:F3} "));
            md.Append(inv, $"| [png](figures/{d.Key}.png) · [svg](figures/{d.Key}.svg) |\n");
        }

        md.Append(inv, $"\n## Models (F1@10, precision@10, recall@10, RMSE)\n\n| model |");
        foreach (var d in report.Datasets)
        {
            md.Append(inv, $" {d.Key} |");
        }
        md.Append("\n|---|").Append(string.Concat(report.Datasets.Select(_ => "---|"))).Append('\n');
        foreach (var model in report.Cells.Select(c => c.Model).Distinct())
        {
            md.Append(inv, $"| {model.Name()} |");
            foreach (var d in report.Datasets)
            {
                var cell = report.Cells.FirstOrDefault(c => c.Dataset == d.Key && c.Model == model);
                var p = cell?.At(report.Protocol, report.Threshold, ExperimentAnalysis.RankingN);
                md.Append(p is null ? " – |" : string.Create(inv, $" {p.F1:F3} / {p.Precision:F3} / {p.Recall:F3} / {(cell!.Rmse is { } r ? r.ToString("F3", inv) : "–")} |"));
            }
            md.Append('\n');
        }

        md.Append("\n## Do the synthetic datasets rank the models as the source does?\n\n");
        md.Append("The verdict: Kendall τ-b between the six models' F1@10 on the source and on each synthetic dataset (1: same order, 0: unrelated, −1: reversed), ");
        md.Append("split seed by split seed and averaged, under the protocol and threshold that separate the models most on the source (their F1 gaps in units of their split-to-split noise); next to it the source's ");
        md.Append("self-agreement, τ between its own orders on two different random splits (mean over every pair of seeds), which is as much agreement as the source allows.\n\n");
        md.Append("| dataset | τ | source self-agreement τ | protocol, threshold | split seeds | best model agrees | worst model agrees | order on the source | order on the synthetic dataset |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var a in report.Agreement)
        {
            if (a.Verdict is not { } v)
            {
                md.Append(inv, $"| {a.Dataset} | – | – | – | – | – | – | | |\n");
                continue;
            }
            string Order(Func<Evaluation.RankedModel, double> f1) => string.Join(" > ", v.Models.OrderByDescending(f1).Select(m => m.Model.Name()));
            md.Append(inv, $"| {a.Dataset} | {Tau(v.Tau)} | {Tau(v.SelfAgreementTau)} | {v.Protocol.Name()}, ≥ {v.Threshold} | {string.Join(",", v.Seeds)} | {(v.BestAgrees ? "yes" : "no")} | {(v.WorstAgrees ? "yes" : "no")} | {Order(m => m.SourceF1)} | {Order(m => m.SyntheticF1)} |\n");
        }
        var taus = report.Agreement.Select(a => a.Verdict?.Tau).OfType<double>().ToList();
        if (taus.Count > 0)
        {
            md.Append(inv, $"\nMean τ over the synthetic datasets: {taus.Average():F3}; {taus.Count(t => t > 0)} of {taus.Count} agree more than they disagree.\n");
        }
        var smallestN = report.Agreement.Select(a => a.SmallestN).DefaultIfEmpty(2).First();
        md.Append(inv, $"\nFor comparison with earlier reports, τ on the plan's own split under {report.Protocol.Name()} at rating ≥ {report.Threshold} (the protocol that ties the models on sparse sets): ");
        md.Append(string.Join("; ", report.Agreement.Select(a => string.Create(inv, $"{a.Dataset} {Tau(a.KendallTau)} at F1@10, {Tau(a.KendallTauAtSmallestN)} at F1@{smallestN}"))));
        md.Append(".\n");

        md.Append("\n## The paper's trends\n\nEach check averages the six models' curves. \"yes\" means the averaged numbers move the expected way at every step shown.\n\n| where | expected | holds | numbers |\n|---|---|---|---|\n");
        foreach (var t in report.Trends)
        {
            md.Append(inv, $"| {t.Dataset} | {t.Trend} | {(t.Holds ? "yes" : "**no**")} | {t.Evidence} |\n");
        }
        md.Append(inv, $"\n{report.Trends.Count(t => t.Holds)} of {report.Trends.Count} expected trends hold.\n");
        return md.ToString();
    }

    private static string Tau(double? tau) => tau is { } t ? t.ToString("F3", CultureInfo.InvariantCulture) : "undefined (ties)";

    private static void Write(Stream stream, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }
}

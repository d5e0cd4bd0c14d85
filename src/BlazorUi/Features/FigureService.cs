using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Figures;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Paper-ready figures (PNG at 300 dpi, SVG) of what the Models and Experiments pages chart.</summary>
public sealed class FigureService(IDatasetService datasets, IModelService models, IExperimentService experiments)
{
    /// <summary>The models trained on a dataset: F1, precision and recall against N under one protocol and threshold.</summary>
    public async Task<(byte[] Bytes, string ContentType)> DatasetAsync(string datasetId, EvaluationProtocol protocol, double threshold, FigureFormat format)
    {
        var dataset = await datasets.GetAsync(datasetId);
        var chosen = ModelSelection.Latest(await models.ListAsync(), datasetId);
        if (chosen.Count == 0)
        {
            throw SandboxException.Conflict($"dataset '{datasetId}' has no trained model yet");
        }
        var series = chosen.Select(m => new CurveSeries(m.Kind.Name(), m.Curves.Where(p => p.Protocol == protocol && p.Threshold == threshold).ToList())).ToList();
        return Render($"{dataset.Name} ({protocol.Name()}, rating ≥ {threshold})", series, format);
    }

    /// <summary>One dataset of an experiment's grid, under the grid's protocol and threshold.</summary>
    public async Task<(byte[] Bytes, string ContentType)> ExperimentAsync(string experimentId, string datasetKey, FigureFormat format)
    {
        var report = (await experiments.GetAsync(experimentId)).Results;
        var cells = report?.Cells.Where(c => c.Dataset == datasetKey).ToList() ?? [];
        if (report is null || cells.Count == 0)
        {
            throw SandboxException.NotFound("dataset of the grid", datasetKey);
        }
        var series = cells.Select(c => new CurveSeries(c.Model.Name(), c.Points.Where(p => p.Protocol == report.Protocol && p.Threshold == report.Threshold).ToList())).ToList();
        return Render($"{datasetKey} ({report.Protocol.Name()}, rating ≥ {report.Threshold})", series, format);
    }

    private static (byte[], string) Render(string title, IReadOnlyList<CurveSeries> series, FigureFormat format) => format switch
    {
        FigureFormat.Png => (CurveFigure.Png(title, series), "image/png"),
        _ => (System.Text.Encoding.UTF8.GetBytes(CurveFigure.Svg(title, series)), "image/svg+xml"),
    };
}

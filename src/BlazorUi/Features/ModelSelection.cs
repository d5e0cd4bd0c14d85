using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Which models a dataset's results show: the newest ready model of each kind, in the paper's order.</summary>
public static class ModelSelection
{
    public static List<ModelInfo> Latest(IEnumerable<ModelInfo> models, string datasetId) =>
        models.Where(m => m.DatasetId == datasetId && m.Status == ResourceStatus.Ready)
            .GroupBy(m => m.Kind).Select(g => g.OrderByDescending(m => m.CreatedAt).First())
            .OrderBy(m => m.Kind).ToList();
}

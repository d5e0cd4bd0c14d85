using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>A figure measured on the source and on the synthetic dataset.</summary>
public readonly record struct SourceVsSynthetic(double Source, double Synthetic)
{
    [JsonIgnore] public double Gap => Synthetic - Source;
}

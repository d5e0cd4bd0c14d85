using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Shared;

/// <summary>The engine's types that grain calls and grain state carry, each registered once for the wire and for copies.</summary>
public static class VocabularyWires
{
    [RegisterConverter, RegisterCopier] public sealed class FidelityReportWire : VocabularyWire<FidelityReport>;

    [RegisterConverter, RegisterCopier] public sealed class CurvePointWire : VocabularyWire<CurvePoint>;

    [RegisterConverter, RegisterCopier] public sealed class SegmentCurveWire : VocabularyWire<SegmentCurve>;

    [RegisterConverter, RegisterCopier] public sealed class ExperimentReportWire : VocabularyWire<ExperimentReport>;

    [RegisterConverter, RegisterCopier] public sealed class StageProgressWire : VocabularyWire<StageProgress>;

    [RegisterConverter, RegisterCopier] public sealed class SyntheticRequestWire : VocabularyWire<SyntheticRequest>;

    [RegisterConverter, RegisterCopier] public sealed class SampleOptionsWire : VocabularyWire<SampleOptions>;

    [RegisterConverter, RegisterCopier] public sealed class BaselineKindWire : VocabularyWire<BaselineKind>;

    [RegisterConverter, RegisterCopier] public sealed class GanrsVariantWire : VocabularyWire<GanrsVariant>;

    [RegisterConverter, RegisterCopier] public sealed class GanObjectiveWire : VocabularyWire<GanObjective>;

    [RegisterConverter, RegisterCopier] public sealed class LossPointWire : VocabularyWire<LossPoint>;

    [RegisterConverter, RegisterCopier] public sealed class DatasetStatsWire : VocabularyWire<DatasetStats>;

    [RegisterConverter, RegisterCopier] public sealed class ExportFormatWire : VocabularyWire<ExportFormat>;

    [RegisterConverter, RegisterCopier] public sealed class DuplicatePolicyWire : VocabularyWire<DuplicatePolicy>;

    [RegisterConverter, RegisterCopier] public sealed class GridPieceWire : VocabularyWire<GridPiece>;

    [RegisterConverter, RegisterCopier] public sealed class GridPieceResultWire : VocabularyWire<GridPieceResult>;
}

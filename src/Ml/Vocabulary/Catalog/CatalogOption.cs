namespace GanRsSandbox.Ml.Catalog;

/// <summary>One setting of one of the engine's options records: its name as JSON spells it, its default and its bounds.</summary>
/// <param name="Type">integer, number, boolean, text, list or the enum's name in lower case.</param>
public sealed record CatalogOption(string Name, string Type, object? Default, double? Min, double? Max);

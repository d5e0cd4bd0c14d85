namespace GanRsSandbox.Ml.Catalog;

/// <summary>One value of one of the engine's enums, by the name every surface uses.</summary>
public sealed record CatalogValue(string Name, string Description);

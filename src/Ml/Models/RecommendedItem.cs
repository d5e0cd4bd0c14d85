namespace GanRsSandbox.Ml.Models;

public readonly record struct RecommendedItem(int Item, float Score, float? Rating, float? Reliability);

namespace GanRsSandbox.Ml;

/// <summary>
/// An engine argument error taken apart, without .NET's decorations (" (Parameter 'x')" and the "Actual value
/// was" line), so that the command line and the API can each name the parameter their own way.
/// </summary>
public readonly record struct ArgumentProblem(string? Name, object? ActualValue, string Reason)
{
    public static ArgumentProblem Of(ArgumentException e) =>
        new(e.ParamName, (e as ArgumentOutOfRangeException)?.ActualValue, e.Message.Split('\n')[0].Split(" (Parameter")[0].Trim());
}

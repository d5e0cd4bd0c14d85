using System.Text.Json;
using GanRsSandbox.Ml;
using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli;

public sealed record ScaleJson(int Min, int Max);

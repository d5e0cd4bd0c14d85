using System.Text;
using System.Text.Json;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Gan;

public sealed record LossPoint(int Iteration, double DiscriminatorLoss, double GeneratorLoss);

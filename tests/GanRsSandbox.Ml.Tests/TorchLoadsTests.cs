using TorchSharp;

namespace GanRsSandbox.Ml.Tests;

public sealed class TorchLoadsTests
{
    [Fact]
    public void MatrixProductRunsOnCpu()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.ones(3, 4);
        var b = torch.full(4, 2, 0.5f);
        var c = a.matmul(b);
        Assert.Equal(new long[] { 3, 2 }, c.shape);
        Assert.All(c.data<float>().ToArray(), v => Assert.Equal(2f, v));
    }
}

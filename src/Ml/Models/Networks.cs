using GanRsSandbox.Ml.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanRsSandbox.Ml.Models;

/// <summary>Embedding tables initialised as Keras does (uniform ±0.05), which the authors' models used.</summary>
internal static class KerasInit
{
    public static Embedding Embedding(long count, long dimensions)
    {
        var embedding = nn.Embedding(count, dimensions);
        using (no_grad())
        {
            nn.init.uniform_(embedding.weight!, -0.05, 0.05);
        }
        return embedding;
    }
}

/// <summary>DeepMF: the dot product of a user and an item embedding.</summary>
internal sealed class DeepMfNetwork : Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _users;
    private readonly Embedding _items;

    public DeepMfNetwork(long users, long items, long factors) : base(nameof(DeepMfNetwork))
    {
        _users = KerasInit.Embedding(users, factors);
        _items = KerasInit.Embedding(items, factors);
        RegisterComponents();
    }

    public Tensor UserEmbeddings => _users.weight!.detach();

    public Tensor ItemEmbeddings => _items.weight!.detach();

    public override Tensor forward(Tensor users, Tensor items) => (_users.call(users) * _items.call(items)).sum(1);
}

/// <summary>
/// VDeepMF: each embedding feeds a mean and a log-variance layer; training samples z = mean + exp(logvar)·ε,
/// prediction uses the mean path.
/// </summary>
internal sealed class VDeepMfNetwork : Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _users;
    private readonly Embedding _items;
    private readonly Linear _userMean;
    private readonly Linear _userLogVar;
    private readonly Linear _itemMean;
    private readonly Linear _itemLogVar;
    private readonly torch.Generator _random;
    private readonly Scalar _one = 1.ToScalar();

    public VDeepMfNetwork(long users, long items, long factors, torch.Generator random) : base(nameof(VDeepMfNetwork))
    {
        _random = random;
        _users = KerasInit.Embedding(users, factors);
        _items = KerasInit.Embedding(items, factors);
        _userMean = Linear(factors, factors);
        _userLogVar = Linear(factors, factors);
        _itemMean = Linear(factors, factors);
        _itemLogVar = Linear(factors, factors);
        RegisterComponents();
    }

    public override Tensor forward(Tensor users, Tensor items)
    {
        var user = _users.call(users);
        var item = _items.call(items);
        var userZ = _userMean.call(user);
        var itemZ = _itemMean.call(item);
        if (training)
        {
            // add with an explicit alpha: Tensor + Tensor makes an implicit Scalar 1, which can be finalised mid-call (see FlatAdam).
            userZ = userZ.add(_userLogVar.call(user).exp() * torch.randn(userZ.shape, device: userZ.device, generator: _random), _one);
            itemZ = itemZ.add(_itemLogVar.call(item).exp() * torch.randn(itemZ.shape, device: itemZ.device, generator: _random), _one);
            GC.KeepAlive(this);
        }
        return (userZ * itemZ).sum(1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _one.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>NCF: concatenated embeddings through Dense(70)-Dropout(.5)-Dense(30)-Dropout(.4) to <c>outputs</c> units.</summary>
internal sealed class NcfNetwork : Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _users;
    private readonly Embedding _items;
    private readonly Sequential _mlp;

    public NcfNetwork(long users, long items, long factors, long outputs, torch.Generator random) : base(nameof(NcfNetwork))
    {
        _users = KerasInit.Embedding(users, factors);
        _items = KerasInit.Embedding(items, factors);
        _mlp = Sequential(
            Linear(2 * factors, 70), ReLU(), new SeededDropout(0.5, random),
            Linear(70, 30), ReLU(), new SeededDropout(0.4, random),
            Linear(30, outputs));
        RegisterComponents();
    }

    public override Tensor forward(Tensor users, Tensor items) => _mlp.call(cat([_users.call(users), _items.call(items)], 1));
}

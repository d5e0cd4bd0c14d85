using System.Text.Json;
using Orleans.Serialization.Cloning;

namespace GanRsSandbox.Shared;

/// <summary>
/// How the cluster carries one of the engine's own records or enums (which know no Orleans): as its JSON, so that the
/// wire shape is the one the API and the CLI write, and names are the stable ids (a renamed property breaks the wire,
/// an added one does not). The records are immutable, so a local call passes them as they are. Each carried type
/// has a sealed subclass in <see cref="VocabularyWires"/>, which Orleans finds by its attributes in every host.
/// </summary>
public abstract class VocabularyWire<T> : IConverter<T, VocabularyJson>, IDeepCopier<T>
{
    public T ConvertFromSurrogate(in VocabularyJson surrogate) =>
        JsonSerializer.Deserialize<T>(surrogate.Json, EngineVocabulary.Json) ?? throw new InvalidDataException($"an empty {typeof(T).Name} on the wire");

    public VocabularyJson ConvertToSurrogate(in T value) => new(JsonSerializer.Serialize(value, EngineVocabulary.Json));

    public T? DeepCopy(T? input, CopyContext context) => input;
}

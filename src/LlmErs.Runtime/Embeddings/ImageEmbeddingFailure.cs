namespace LlmErs;

/// <summary>An item field whose image could not be embedded.</summary>
/// <param name="Item">The item's key.</param>
/// <param name="Field">The image embedding field.</param>
/// <param name="Reason">Why, naming the image ("the image 'posters/m1.png' does not exist").</param>
public sealed record ImageEmbeddingFailure(string Item, string Field, string Reason)
{
    /// <summary>The failure as the report lists it: item, field and reason.</summary>
    public override string ToString() => $"Item '{Item}', field '{Field}': {Reason}.";
}

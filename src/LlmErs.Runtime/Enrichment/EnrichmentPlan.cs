namespace LlmErs;

/// <summary>The fixed plan of a run over items of type <typeparamref name="T"/>: its LLM fields, in dependency order.</summary>
internal sealed class EnrichmentPlan<T>
{
    private EnrichmentPlan(EnrichmentModel<T> model, IReadOnlyList<FieldPlan<T>> fields)
    {
        Model = model;
        Fields = fields;
    }

    public EnrichmentModel<T> Model { get; }

    public IReadOnlyList<FieldPlan<T>> Fields { get; }

    // The catalog is the run's (null when its items are no ItemCatalog): relations whose tails are catalog items need it.
    public static EnrichmentPlan<T> Create(EnrichmentModel<T> model, EnrichmentOptions options, string? clientModelId, CatalogEntities? catalog)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new List<FieldPlan<T>>(model.LlmFields.Count);
        foreach (var field in model.LlmFields)
        {
            var modelId = options.FieldModels.TryGetValue(field.Name, out var fieldModel) ? fieldModel : options.ModelId ?? clientModelId;
            if (string.IsNullOrWhiteSpace(modelId))
            {
                throw new InvalidOperationException(
                    $"No model is known for {field}: set {nameof(EnrichmentOptions)}.{nameof(EnrichmentOptions.ModelId)} " +
                    $"(or {nameof(EnrichmentOptions.FieldModels)}[\"{field.Name}\"]), or use a chat client whose metadata names its default model. " +
                    "The model id is part of every cache key, so it must be known before the first request.");
            }

            // Dependencies on fields the engine does not write (embeddings) are satisfied by whatever the item holds.
            var dependencies = field.DependsOn.Where(positions.ContainsKey).Select(name => positions[name]).ToArray();
            positions.Add(field.Name, fields.Count);
            fields.Add(new FieldPlan<T>(field, fields.Count, modelId, options, dependencies, catalog));
        }

        return new EnrichmentPlan<T>(model, fields);
    }
}

using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Diagnostics;

/// <summary>
/// The catalog of LlmErs diagnostics. IDs are stable: never renumber or reuse one (see AnalyzerReleases.*.md).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "LlmErs";

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "LLMERS0001", "Enrichable type must be partial",
        "Type '{0}' must be declared 'partial' so that LlmErs can implement its derived fields; add the 'partial' modifier{1}");

    public static readonly DiagnosticDescriptor PropertyNotPartial = Error(
        "LLMERS0002", "Derived property must be partial",
        "Property '{0}' carries [{1}] and must be declared 'partial' with no body, e.g. 'public partial {2} {0} {{ get; set; }}'");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "LLMERS0003", "Unsupported property type for the field kind",
        "Property '{0}' has type '{1}', which [{2}] does not support; use {3}");

    public static readonly DiagnosticDescriptor UnknownTemplateMember = Error(
        "LLMERS0004", "Unknown member in template",
        "Template of '{0}' refers to '{1}', which is not a public member of '{2}'{3}");

    public static readonly DiagnosticDescriptor TemplateParseError = Error(
        "LLMERS0005", "Template does not parse",
        "Template of '{0}' does not parse: {1}");

    public static readonly DiagnosticDescriptor UnsupportedTemplateConstruct = Error(
        "LLMERS0006", "Unsupported template construct",
        "Template of '{0}' uses {1}, which LlmErs cannot compile; {2}");

    public static readonly DiagnosticDescriptor EmptyVocabulary = Error(
        "LLMERS0007", "Vocabulary is empty",
        "[{0}] on '{1}' needs a non-empty Vocabulary, e.g. Vocabulary = [\"a\", \"b\"]");

    public static readonly DiagnosticDescriptor DuplicateVocabularyEntry = Error(
        "LLMERS0008", "Vocabulary has a duplicate entry",
        "Vocabulary of '{0}' lists \"{1}\" more than once (entries are matched case-insensitively); remove the duplicate");

    public static readonly DiagnosticDescriptor DerivedFieldCycle = Error(
        "LLMERS0009", "Derived fields depend on each other in a cycle",
        "Derived fields form a cycle: {0}; one of these templates must stop referring to the next");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "LLMERS0010", "Enrichable type has no key",
        "Type '{0}' needs exactly one [ItemKey] property (string, integer or Guid) that identifies each item");

    public static readonly DiagnosticDescriptor DuplicateKey = Error(
        "LLMERS0011", "Enrichable type has more than one key",
        "Type '{0}' has more than one [ItemKey] member ({1}); keep exactly one");

    public static readonly DiagnosticDescriptor BadEmbeddingDimensions = Error(
        "LLMERS0012", "Bad embedding dimensions",
        "[Embedding] on '{0}' has Dimensions = {1}; set Dimensions to the embedding model's vector size (1 to 65536), e.g. Dimensions = 384");

    public static readonly DiagnosticDescriptor FieldOutsideEnrichableType = Error(
        "LLMERS0013", "Derived field outside an enrichable type",
        "Property '{0}' carries [{1}] but its type '{2}' is not marked [Enrichable]; add [Enrichable] to the type");

    public static readonly DiagnosticDescriptor InvalidFieldOption = Error(
        "LLMERS0014", "Invalid field option",
        "[{0}] on '{1}': {2}");

    public static readonly DiagnosticDescriptor BadSemanticIdSource = Error(
        "LLMERS0015", "Semantic ID source is not an embedding field",
        "[SemanticId] on '{0}' names '{1}' as its source, which is not an [Embedding] property of '{2}'; use nameof(...) of one");

    public static readonly DiagnosticDescriptor GenericTypeNotSupported = Error(
        "LLMERS0016", "Generic enrichable types are not supported",
        "Type '{0}' is generic; [Enrichable] types must be non-generic, so declare a closed type for each item kind");

    public static readonly DiagnosticDescriptor ConflictingFieldAttributes = Error(
        "LLMERS0017", "Property has more than one derived-field attribute",
        "Property '{0}' carries {1}; a derived property has exactly one of [LlmText], [LlmTags], [LlmValue], [LlmNormalize], [LlmCorrect], [Embedding], [SemanticId]");

    public static readonly DiagnosticDescriptor UnsupportedKeyType = Error(
        "LLMERS0018", "Unsupported key type",
        "[ItemKey] member '{0}' has type '{1}'; use string, an integer type or Guid");

    public static readonly DiagnosticDescriptor BadScorerSignature = Error(
        "LLMERS0019", "Scorer method has the wrong shape",
        "[Scorer] method '{0}' must be declared 'static partial float {0}(TQuery query, TItem item);' without a body, in a non-generic partial type: {1}");

    public static readonly DiagnosticDescriptor BadScorerTerm = Error(
        "LLMERS0020", "Scorer term names an unusable member",
        "[{0}] on '{1}' names '{2}', which is not {3} of '{4}'; use nameof(...) of one");

    public static readonly DiagnosticDescriptor ScorerDimensionMismatch = Error(
        "LLMERS0021", "Similarity between vectors of different dimensions",
        "[Similarity] on '{0}' compares '{1}' ({2} dimensions) with '{3}' ({4} dimensions); both embeddings must declare the same Dimensions");

    public static readonly DiagnosticDescriptor EmptyScorer = Error(
        "LLMERS0022", "Scorer has no terms",
        "[Scorer] method '{0}' has no [Similarity] or [FeatureWeight] terms; add at least one");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "LLMERS0023", "LlmErs failed on a type",
        "LlmErs could not generate code for '{0}' ({1}); the rest of the project's generated code is unaffected. Please report this, with the declaration of '{0}'.");

    public static readonly DiagnosticDescriptor UnusableMember = Error(
        "LLMERS0024", "Member cannot be read by generated code",
        "{0} '{1}' is {2}; {3}");

    public static readonly DiagnosticDescriptor FileLocalType = Error(
        "LLMERS0025", "File-local types are not supported",
        "Type '{0}' is file-local ('file'); generated code lives in a file of its own and cannot add to it, so declare '{0}' internal instead{1}");

    public static readonly DiagnosticDescriptor BadScorerWeight = Error(
        "LLMERS0026", "Scorer weight is not a finite float",
        "[{0}] on '{1}' has weight {2}, which is not a finite float; use a number between -3.4E38 and 3.4E38");

    public static readonly DiagnosticDescriptor BadCorrectionSource = Error(
        "LLMERS0027", "Correction source is not a string member",
        "[LlmCorrect] on '{0}' names '{1}' as the member it corrects, but '{2}' has {3}; use nameof(...) of a string property or field");

    public static readonly DiagnosticDescriptor EmptyWordList = Error(
        "LLMERS0030", "Word list is empty",
        "[{0}] on '{1}' declares {2} with no entries; list the words, or remove {2}");

    public static readonly DiagnosticDescriptor WordlessWordEntry = Error(
        "LLMERS0031", "Word list entry has no word",
        "[{0}] on '{1}': a {2} entry ({3}) has no letters or digits, so it can never match; write the word or remove the entry");

    public static readonly DiagnosticDescriptor DuplicateWordEntry = Error(
        "LLMERS0032", "Word list lists an entry twice",
        "'{0}' lists '{1}' in {2} twice (both read '{3}' after Unicode normalization and case folding); remove the duplicate");

    public static readonly DiagnosticDescriptor WordBlockedAndAllowed = Error(
        "LLMERS0033", "Word both blocked and allowed",
        "'{0}' both blocks and allows '{1}', so the block could never fire; remove it from one of the lists");

    public static readonly DiagnosticDescriptor AllowedWordsWithoutBlockedWords = Error(
        "LLMERS0034", "Allowed words without blocked words",
        "'{0}' declares {1} but no BlockedWords or BlockedWordLists; allowed phrases only make exceptions to blocked words, so add BlockedWords or remove {1}");

    public static readonly DiagnosticDescriptor BlankWordListName = Error(
        "LLMERS0035", "Word list name is blank",
        "[{0}] on '{1}': a {2} entry ({3}) names no list; write the name a list is registered under in GovernanceOptions.WordLists, or remove the entry");

    public static readonly DiagnosticDescriptor DuplicateWordListName = Error(
        "LLMERS0036", "Word list named twice",
        "'{0}' names the word list '{1}' in {2} twice; remove the duplicate");

    public static readonly DiagnosticDescriptor WordListBlockedAndAllowed = Error(
        "LLMERS0037", "Word list both blocked and allowed",
        "'{0}' names the word list '{1}' in both BlockedWordLists and AllowedWordLists, so its blocks could never fire; remove it from one of them");

    public static readonly DiagnosticDescriptor TriplesWithoutRelations = Error(
        "LLMERS0046", "Triples field declares no relation",
        "[LlmTriples] on '{0}' needs at least one relation: add [LlmRelation(\"name\", Entities = [\"…\"])] to the property for each relation");

    public static readonly DiagnosticDescriptor RelationOutsideTriples = Error(
        "LLMERS0047", "Relation outside a triples field",
        "'{0}' carries [LlmRelation] but not [LlmTriples]; relations only belong to a triples field, so add [LlmTriples(…)] or remove the relation");

    public static readonly DiagnosticDescriptor BadRelationName = Error(
        "LLMERS0048", "Relation is declared badly",
        "[LlmRelation] on '{0}': {1}");

    public static readonly DiagnosticDescriptor BadGivenTriples = Error(
        "LLMERS0049", "Given triples are not a triple list",
        "[LlmTriples] on '{0}': Given names '{1}', {2} of '{3}'; use nameof of an IReadOnlyList<KgTriple> property or field holding the triples to check");

    public static readonly DiagnosticDescriptor CatalogTriplesWithoutMax = Error(
        "LLMERS0054", "Triples over catalog items need a Max",
        "[LlmTriples] on '{0}' has the relation '{1}' whose tails are catalog items, so 'one triple per relation and entity' would be one per item of the catalog; set Max to the most triples an answer may hold");

    public static readonly DiagnosticDescriptor ImagesMemberNotFound = Error(
        "LLMERS0050", "Images member not found",
        "[{0}] on '{1}' names '{2}' as its images, but '{3}' has no property or field of that name; use nameof(...) of the member that holds the item's images");

    public static readonly DiagnosticDescriptor UnsupportedImagesType = Error(
        "LLMERS0051", "Images member has an unsupported type",
        "[{0}] on '{1}': the images member '{2}' is of type '{3}'; use {4}");

    public static readonly DiagnosticDescriptor UnreadableImagesMember = Error(
        "LLMERS0052", "Images member cannot be read by generated code",
        "[{0}] on '{1}': the images member '{2}' is {3}; generated code reads it from each item, so make it an instance member with a get accessor that the generated code can access");

    public static readonly DiagnosticDescriptor ImagesMemberIsDerived = Error(
        "LLMERS0053", "Images member is a derived field",
        "[{0}] on '{1}': the images member '{2}' is a derived field, so a model's answer would be read as an image; name a member that holds the item's own images");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}

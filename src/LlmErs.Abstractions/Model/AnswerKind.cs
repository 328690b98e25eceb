namespace LlmErs;

/// <summary>What an LLM field's answer is; see <see cref="AnswerConstraints.Kind"/>.</summary>
public enum AnswerKind
{
    /// <summary>Free text of at most <see cref="AnswerConstraints.MaxWords"/> words (<see cref="LlmTextAttribute"/>).</summary>
    Text,
    /// <summary>Distinct tags from <see cref="AnswerConstraints.Choices"/>, between the minimum and maximum count (<see cref="LlmTagsAttribute"/>).</summary>
    Tags,
    /// <summary>One of <see cref="AnswerConstraints.Choices"/>: a normalized vocabulary entry or an enum member name.</summary>
    Choice,
    /// <summary><see langword="true"/> or <see langword="false"/>.</summary>
    Boolean,
    /// <summary>A whole number within the numeric bounds.</summary>
    Integer,
    /// <summary>A number within the numeric bounds.</summary>
    Number,
    /// <summary>Any string (an <see cref="LlmValueAttribute"/> slot of type <see cref="string"/>).</summary>
    String,

    /// <summary>
    /// Keys from <see cref="AnswerConstraints.Choices"/>, distinct, best first: a listwise ranking of candidates (each
    /// described by <see cref="AnswerConstraints.ChoiceDescriptions"/>), at least <see cref="AnswerConstraints.MinCount"/> of them.
    /// </summary>
    Ranking,

    /// <summary>
    /// Two different keys from <see cref="AnswerConstraints.Choices"/> (candidates described by
    /// <see cref="AnswerConstraints.ChoiceDescriptions"/>): the candidate a user would most likely enjoy and the one
    /// least, as <c>{"value": {"liked": key, "disliked": key}}</c> (<see cref="AnswerReader.ReadPreference"/>).
    /// </summary>
    Preference,

    /// <summary>
    /// Knowledge-graph triples about the item, each a relation of <see cref="AnswerConstraints.Relations"/> and one of its
    /// entities, at most <see cref="AnswerConstraints.MaxCount"/> of them (<see cref="LlmTriplesAttribute"/>, completion).
    /// </summary>
    Triples,

    /// <summary>
    /// One verdict per given triple, in order: keep it, fix it (a replacement from <see cref="AnswerConstraints.Relations"/>)
    /// or drop it, with a reason (<see cref="LlmTriplesAttribute"/> with <see cref="LlmTriplesAttribute.Given"/>, correction).
    /// </summary>
    TripleVerdicts,
}

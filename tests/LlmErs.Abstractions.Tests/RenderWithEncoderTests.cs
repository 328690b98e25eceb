namespace LlmErs.Abstractions.Tests;

/// <summary>
/// The encoder overloads of fields written by hand (generated fields encode each interpolation; see the generator
/// tests): no encoder gives the plain rendering, an encoder sees the whole rendering as one input named after the field.
/// </summary>
public sealed class RenderWithEncoderTests
{
    [Fact]
    public void A_hand_written_llm_field_renders_plainly_without_an_encoder_and_as_one_input_with_one()
    {
        var field = new GreetingField();
        var encoder = new Recording();

        Assert.Equal("Hello Ada", field.RenderPrompt(new Person("Ada"), null));
        Assert.Equal("[Hello Ada]", field.RenderPrompt(new Person("Ada"), encoder));
        Assert.Equal([("Greeting", "Hello Ada")], encoder.Seen);
    }

    [Fact]
    public void A_hand_written_embedding_field_renders_plainly_without_an_encoder_and_as_one_input_with_one()
    {
        var field = new TextField();
        var encoder = new Recording();

        Assert.Equal("text of Ada", field.RenderText("Ada", null));
        Assert.Equal("[text of Ada]", field.RenderText("Ada", encoder));
        Assert.Equal([("Vector", "text of Ada")], encoder.Seen);
    }

    private sealed class Recording : IPromptInputEncoder
    {
        public List<(string Input, string Value)> Seen { get; } = [];

        public string Encode(string input, string value)
        {
            Seen.Add((input, value));
            return "[" + value + "]";
        }
    }

    private sealed class GreetingField() : LlmField<Person, string>("Greeting", FieldKind.Text, "fp", [], "{}", AnswerConstraints.Text(10), null, null)
    {
        public override string RenderPrompt(Person item) => "Hello " + item.Name;

        public override AnswerResult<string> Parse(string answerJson) => AnswerReader.ReadText(answerJson, 10);

        public override string FormatAnswer(string value) => AnswerReader.Format(value);

        public override string GetValue(Person item) => item.Name;

        public override void SetValue(Person item, string value)
        {
        }
    }

    private sealed record Person(string Name);

    private sealed class TextField() : EmbeddingField<string>("Vector", "fp", [], 3)
    {
        public override string RenderText(string item) => "text of " + item;

        public override ReadOnlyMemory<float> GetVector(string item) => default;

        public override void SetVector(string item, ReadOnlyMemory<float> vector)
        {
        }
    }
}

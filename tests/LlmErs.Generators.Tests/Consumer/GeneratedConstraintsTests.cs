namespace LlmErs.Generators.Tests.Consumer;

/// <summary>Compile-and-run: the typed answer constraints the generator emits beside each JSON schema, and the typed answers read through them.</summary>
public sealed class GeneratedConstraintsTests
{
    private static LlmField<Gadget> Field(string name) => (LlmField<Gadget>)EnrichmentModel.Of<Gadget>().Field(name);

    private static AnswerConstraints Constraints(string name) => Field(name).Constraints;

    [Fact]
    public void Text_bounds_its_words()
    {
        var text = Constraints(nameof(Gadget.Blurb));
        Assert.Equal(AnswerKind.Text, text.Kind);
        Assert.Equal(12, text.MaxWords);
        Assert.False(text.AllowsUnknown);
        Assert.False(text.IsClosed);
        Assert.Empty(text.Choices);
    }

    [Fact]
    public void Tags_carry_the_vocabulary_in_declared_order_and_the_counts()
    {
        var tags = Constraints(nameof(Gadget.Uses));
        Assert.Equal(AnswerKind.Tags, tags.Kind);
        Assert.Equal(["kitchen", "garden", "office"], tags.Choices);
        Assert.Equal((1, 2), (tags.MinCount, tags.MaxCount));
        Assert.True(tags.IsClosed);
        Assert.False(tags.AllowsUnknown);
    }

    [Fact]
    public void Normalized_and_enum_fields_are_choices()
    {
        var country = Constraints(nameof(Gadget.Country));
        Assert.Equal(AnswerKind.Choice, country.Kind);
        Assert.Equal(["Japan", "Germany"], country.Choices);
        Assert.True(country.AllowsUnknown);

        var size = Constraints(nameof(Gadget.Size));
        Assert.Equal(AnswerKind.Choice, size.Kind);
        Assert.Equal([nameof(GadgetSize.Small), nameof(GadgetSize.Large)], size.Choices);
        Assert.False(size.AllowsUnknown);
    }

    [Fact]
    public void Booleans_choose_true_or_false()
    {
        var waterproof = Constraints(nameof(Gadget.Waterproof));
        Assert.Equal(AnswerKind.Boolean, waterproof.Kind);
        Assert.Equal(["true", "false"], waterproof.Choices);
        Assert.True(waterproof.AllowsUnknown);
    }

    [Fact]
    public void Numbers_carry_their_bounds_null_when_unbounded()
    {
        var years = Constraints(nameof(Gadget.WarrantyYears));
        Assert.Equal((AnswerKind.Integer, true, 0d, 10d), (years.Kind, years.AllowsUnknown, years.Minimum, years.Maximum));

        var weight = Constraints(nameof(Gadget.Weight));
        Assert.Equal((AnswerKind.Number, false, 0.5, (double?)null), (weight.Kind, weight.AllowsUnknown, weight.Minimum, weight.Maximum));
        Assert.False(weight.IsClosed);
    }

    [Fact]
    public void Strings_are_open()
    {
        var model = Constraints(nameof(Gadget.ModelNumber));
        Assert.Equal(AnswerKind.String, model.Kind);
        Assert.True(model.AllowsUnknown);
        Assert.Empty(model.Choices);
    }

    [Fact]
    public void Choices_and_numbers_are_read_from_the_item_typed()
    {
        var gadget = new Gadget { Id = "g1", Uses = ["garden", "kitchen"], Country = "Japan", Size = GadgetSize.Large, Waterproof = false, WarrantyYears = 3, Weight = 1.5 };

        Assert.Equal(["garden", "kitchen"], Field(nameof(Gadget.Uses)).GetChoices(gadget));
        Assert.Equal(["Japan"], Field(nameof(Gadget.Country)).GetChoices(gadget));
        Assert.Equal(["Large"], Field(nameof(Gadget.Size)).GetChoices(gadget));
        Assert.Equal(["false"], Field(nameof(Gadget.Waterproof)).GetChoices(gadget));
        Assert.Equal(3d, Field(nameof(Gadget.WarrantyYears)).GetNumber(gadget));
        Assert.Equal(1.5, Field(nameof(Gadget.Weight)).GetNumber(gadget));

        var unknown = new Gadget { Id = "g2" };
        Assert.Empty(Field(nameof(Gadget.Country)).GetChoices(unknown));
        Assert.Empty(Field(nameof(Gadget.Waterproof)).GetChoices(unknown));
        Assert.Null(Field(nameof(Gadget.WarrantyYears)).GetNumber(unknown));
    }

    [Fact]
    public void Open_fields_have_no_choices_and_non_numbers_no_number()
    {
        var gadget = new Gadget { Id = "g1", Blurb = "A kettle." };

        Assert.Throws<InvalidOperationException>(() => Field(nameof(Gadget.Blurb)).GetChoices(gadget));
        Assert.Throws<InvalidOperationException>(() => Field(nameof(Gadget.ModelNumber)).GetChoices(gadget));
        Assert.Throws<InvalidOperationException>(() => Field(nameof(Gadget.Waterproof)).GetNumber(gadget));
    }
}

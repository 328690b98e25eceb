using LlmErs.Generators.Templates;
using Microsoft.CodeAnalysis;
using Scriban;

namespace LlmErs.Generators.Tests.Templates;

/// <summary>What <see cref="TemplateCompiler.Compile"/> resolves, and the errors it reports, located in the template text.</summary>
public sealed class TemplateCompilerTests
{
    internal const string Source = """
        using System;
        using System.Collections.Generic;
        namespace Sample;

        public enum Genre { Drama, Comedy }

        public interface IPerson { string Name { get; } }

        public class Person
        {
            public string Name { get; set; } = "";
            public int Age { get; set; }
        }

        public class Movie
        {
            public const string Constant = "c";
            public static string Motto => "motto";
            public string Title { get; set; } = "";
            public int ReleaseYear { get; set; }
            public string? Pitch { get; set; }
            public Person? Director { get; set; }
            public IPerson? Producer { get; set; }
            public IReadOnlyList<string> Genres { get; set; } = [];
            public IReadOnlyList<Person> Cast { get; set; } = [];
            public Dictionary<string, string> Extra { get; set; } = new();
            public ReadOnlyMemory<float> Content { get; set; }
            public DateTime Released { get; set; }
            public ulong Views { get; set; }
            public Genre Genre { get; set; }
            public string Id { get; set; } = "";
            public string ID { get; set; } = "";
            public string @class { get; set; } = "";
            [Scriban.Runtime.ScriptMemberIgnore] public string Ignored { get; set; } = "";
            protected string Secret => "";
            internal string Internal => "";
            public string this[int index] => "";
            public string WriteOnly { set { } }
            public string PrivateGetter { private get; set; } = "";
            public int GetScore() => 0;
        }
        """;

    private static readonly INamedTypeSymbol Movie = TemplateCompilations.TypeFrom(Source, "Sample.Movie");

    [Fact]
    public void Resolves_members_and_lists_the_item_members_read_in_first_use_order()
    {
        var compiled = Compile("{{ title }} {{ release_year }} {{ title }} {{ director.name }}{{ for p in cast }}{{ p.name }}{{ end }}{{ motto }}{{ class }}");

        Assert.Empty(compiled.Errors);
        Assert.NotNull(compiled.Spec);
        Assert.Equal(["Title", "ReleaseYear", "Director", "Cast", "Motto", "class"], compiled.RootMembers);
    }

    [Fact]
    public void Reserved_words_and_statics_are_emitted_as_valid_member_access()
    {
        var spec = Compile("{{ class }}{{ motto }}").Spec!;

        Assert.Equal(new RootMemberExpression("@class", null, ValueShape.Text), ((OutputNode)spec.Body[0]).Value);
        Assert.Equal(new RootMemberExpression("Motto", "global::Sample.Movie", ValueShape.Text), ((OutputNode)spec.Body[1]).Value);
    }

    [Fact]
    public void Specs_compare_by_value_so_the_generator_stays_cached()
    {
        const string Template = "{{ for g in genres }}{{ g | string.upcase }}{{ if for.last }}.{{ end }}{{ end }} {{ release_year > 2000 }}";

        Assert.Equal(Compile(Template), Compile(Template));
        Assert.Equal(Compile(Template).GetHashCode(), Compile(Template).GetHashCode());
        Assert.NotEqual(Compile(Template).Spec, Compile(Template + " ").Spec);
    }

    [Theory]
    [InlineData("", false, false)]
    [InlineData("{{ title }}\n", false, false)]
    [InlineData("  {{ title }}", true, false)]
    [InlineData("{{ genres | array.join ', ' }}", false, true)]
    [InlineData("{{ for g in genres }}{{ end }}", false, true)]
    public void Spec_flags_say_what_the_emitted_code_must_track(string template, bool tracksLineStarts, bool countsLoopSteps)
    {
        var spec = Compile(template).Spec!;

        Assert.Equal(tracksLineStarts, spec.TracksLineStarts);
        Assert.Equal(countsLoopSteps, spec.CountsLoopSteps);
    }

    [Theory]
    [InlineData("{{ titel }}", 3, 5, "titel", "Movie", "; did you mean 'title'?")]
    [InlineData("Hi {{ ReleaseYear }}", 6, 11, "ReleaseYear", "Movie", "; did you mean 'release_year'?")]
    [InlineData("{{ Title }}", 3, 5, "Title", "Movie", "; did you mean 'title'?")]
    [InlineData("{{ xyzzy }}", 3, 5, "xyzzy", "Movie", "")]
    [InlineData("{{ for g in genres }}{{ gg }}{{ end }}", 24, 2, "gg", "Movie", "; did you mean 'g'?")]
    [InlineData("{{ director.nmae }}", 12, 4, "nmae", "Person", "; did you mean 'name'?")]
    [InlineData("{{ for p in cast }}{{ p.agee }}{{ end }}", 24, 4, "agee", "Person", "; did you mean 'age'?")]
    [InlineData("{{ secret }}", 3, 6, "secret", "Movie", "")]
    [InlineData("{{ internal }}", 3, 8, "internal", "Movie", "")]
    [InlineData("{{ constant }}", 3, 8, "constant", "Movie", "; did you mean 'content'?")]
    [InlineData("{{ write_only }}", 3, 10, "write_only", "Movie", "")]
    [InlineData("{{ private_getter }}", 3, 14, "private_getter", "Movie", "")]
    [InlineData("{{ get_score }}", 3, 9, "get_score", "Movie", "")]
    [InlineData("{{ ignored }}", 3, 7, "ignored", "Movie", "")]
    public void Unknown_members_are_located_with_a_suggestion(string template, int start, int length, string written, string type, string suggestion)
    {
        var error = Assert.Single(Compile(template).Errors);

        Assert.Equal("LLMERS0004", error.Descriptor.Id);
        Assert.Equal((start, length), (error.Start, error.Length));
        Assert.Equal(["Prompt", written, type, suggestion], error.MessageArgs);
    }

    [Theory]
    [InlineData("{{ 'abc }}")]
    [InlineData("Hi {{ end }}")]
    [InlineData("{{ if title }}open")]
    [InlineData("{{ title | }}")]
    [InlineData("{{ for x in }}{{ end }}")]
    public void Scriban_parse_errors_are_reported_with_Scriban_message_and_location(string template)
    {
        var expected = Template.Parse(template).Messages.First();

        var error = Assert.Single(Compile(template).Errors);

        Assert.Equal("LLMERS0005", error.Descriptor.Id);
        Assert.Equal(expected.Span.Start.Offset, error.Start);
        Assert.Equal(["Prompt", expected.Message], error.MessageArgs);
    }

    [Theory]
    [InlineData("Hello {{ title ", 6)]
    [InlineData("{{", 0)]
    [InlineData("{{ title }} and {{", 16)]
    public void A_code_block_left_open_is_a_parse_error_although_Scriban_accepts_it(string template, int start)
    {
        var error = Assert.Single(Compile(template).Errors);

        Assert.Equal("LLMERS0005", error.Descriptor.Id);
        Assert.Equal((start, 2), (error.Start, error.Length));
        Assert.Equal(["Prompt", "the code block opened here is not closed by '}}'"], error.MessageArgs);
    }

    [Theory]
    [InlineData("{{ x = 1 }}", 3, 5, "the assign expression 'x = 1'")]
    [InlineData("{{ func f }}x{{ end }}", 3, 16, "the function statement 'func f }}x{{ end'")]
    [InlineData("{{ capture c }}x{{ end }}", 3, 19, "the capture statement 'capture c }}x{{ end'")]
    [InlineData("{{ include 'other' }}", 3, 15, "the call 'include 'other''")]
    [InlineData("{{ title | string.replace 'a' 'b' }}", 11, 14, "the function 'string.replace'")]
    [InlineData("{{ title | string.capitalize }}", 11, 17, "the function 'string.capitalize'")]
    [InlineData("{{ title | upcase }}", 11, 6, "piping into 'upcase'")]
    [InlineData("{{ title.size }}", 3, 10, "the member access 'title.size' on text")]
    [InlineData("{{ for c in title }}{{ c }}{{ end }}", 12, 5, "a for loop over 'title', which is text")]
    [InlineData("{{ genres }}", 3, 6, "'genres', which is a collection, as output")]
    [InlineData("{{ director }}", 3, 8, "'director', which is a value of type 'Person', as output")]
    [InlineData("{{ producer.name }}", 3, 13, "the member access 'producer.name' on a value of type 'IPerson'")]
    [InlineData("{{ extra }}", 3, 5, "'extra', which is a value of type 'Dictionary<string, string>', as output")]
    [InlineData("{{ content }}", 3, 7, "'content', which is a value of type 'ReadOnlyMemory<float>', as output")]
    [InlineData("{{ released }}", 3, 8, "'released', which is a value of type 'DateTime', as output")]
    [InlineData("{{ release_year + 1 }}", 3, 16, "the operator '+' in 'release_year + 1'")]
    [InlineData("{{ title == pitch }}", 3, 14, "the comparison 'title == pitch'")]
    [InlineData("{{ title == 5 }}", 3, 10, "the comparison 'title == 5'")]
    [InlineData("{{ views > 1 }}", 3, 9, "the comparison 'views > 1'")]
    [InlineData("{{ genre == 1 }}", 3, 10, "the comparison 'genre == 1'")]
    [InlineData("{{ title > null }}", 3, 12, "the comparison 'title > null'")]
    [InlineData("{{ for.index }}", 3, 9, "'for.index'")]
    [InlineData("{{ for g in genres }}{{ for.length }}{{ end }}", 24, 10, "'for.length'")]
    [InlineData("{{ for g in genres }}{{ else }}{{ for.index }}{{ end }}", 34, 9, "'for.index'")]
    [InlineData("{{ id }}", 3, 2, "'id', which names more than one member of 'Movie' (Id, ID)")]
    [InlineData("{{ title and pitch }}", 3, 15, "the call 'title and pitch'")]
    [InlineData("{{ title | string.truncate 'x' }}", 11, 15, "the function 'string.truncate' with these arguments")]
    [InlineData("{{ genres | array.join }}", 12, 10, "the function 'array.join' with these arguments")]
    [InlineData("{{ string.upcase }}", 3, 13, "the function 'string.upcase' without a value")]
    [InlineData("{{ cast | array.join ', ' }}", 10, 10, "'array.join' on a collection")]
    [InlineData("{{ date.now }}", 3, 8, "the function 'date.now'")]
    [InlineData("{{ empty }}", 3, 5, "Scriban's builtin 'empty'")]
    [InlineData("{{ while title }}{{ end }}", 3, 20, "the while statement 'while title }}{{ end'")]
    [InlineData("{{ with director }}{{ end }}", 3, 22, "the with statement 'with director }}{{ end'")]
    [InlineData("{{ for g in genres limit:genres }}{{ end }}", 19, 12, "the loop argument 'limit:genres'")]
    [InlineData("{{ genres[0] }}", 3, 9, "the indexer expression 'genres[0]'")]
    [InlineData("{{ -release_year }}", 3, 13, "the operator '-' in '-release_year'")]
    [InlineData("{{ 99999999999999999999 }}", 3, 20, "the literal '99999999999999999999'")]
    public void Unsupported_constructs_are_located_and_explained(string template, int start, int length, string construct)
    {
        var error = Compile(template).Errors.First();

        Assert.Equal("LLMERS0006", error.Descriptor.Id);
        Assert.Equal(construct, error.MessageArgs[1]);
        Assert.Equal((start, length), (error.Start, error.Length));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageArgs[2]));
    }

    [Fact]
    public void Collections_written_directly_are_pointed_at_array_join()
    {
        var error = Assert.Single(Compile("{{ genres }}").Errors);

        Assert.Contains("array.join", error.MessageArgs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_template_is_reported_and_no_spec_is_produced()
    {
        var compiled = Compile("{{ titel }} {{ genres }} {{ director.nmae }}");

        Assert.Null(compiled.Spec);
        Assert.Equal(["LLMERS0004", "LLMERS0006", "LLMERS0004"], compiled.Errors.Select(e => e.Descriptor.Id));
    }

    private static TemplateCompilation Compile(string template) => TemplateCompiler.Compile(template, Movie, "Prompt");
}

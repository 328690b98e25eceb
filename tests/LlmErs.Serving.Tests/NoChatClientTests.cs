using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace LlmErs.Serving.Tests;

/// <summary>Serving runs the light model only: no chat client is registered, and none could be, as the host cannot reference one.</summary>
public sealed class NoChatClientTests
{
    [Fact]
    public async Task The_host_registers_no_chat_client_or_embedding_generator()
    {
        await using var host = await ServingHost.StartAsync();

        Assert.Null(host.App.Services.GetService<IChatClient>());
        Assert.Null(host.App.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void The_host_assembly_references_no_Microsoft_Extensions_AI()
    {
        var references = typeof(ServingApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("LlmErs.Vectors", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal));
    }

    [Fact]
    public void The_host_has_no_Microsoft_Extensions_AI_among_its_dependencies()
    {
        // The test's deps.json holds the host's whole dependency graph; walk it from the host's node.
        var deps = Path.Combine(AppContext.BaseDirectory, "LlmErs.Serving.Tests.deps.json");
        using var document = JsonDocument.Parse(File.ReadAllText(deps));
        var libraries = document.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var byName = libraries.EnumerateObject().ToDictionary(l => l.Name.Split('/')[0], l => l.Value);

        var reached = new HashSet<string>();
        var pending = new Stack<string>(["LlmErs.Serving"]);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name) || !byName.TryGetValue(name, out var library) || !library.TryGetProperty("dependencies", out var dependencies))
            {
                continue;
            }

            foreach (var dependency in dependencies.EnumerateObject())
            {
                pending.Push(dependency.Name);
            }
        }

        Assert.Contains("LlmErs.Vectors", reached);
        Assert.Contains("OpenTelemetry.Extensions.Hosting", reached);
        Assert.DoesNotContain(reached, name => name.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal));
    }
}

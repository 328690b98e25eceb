using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LlmErs.Serving.Tests;

public sealed class EndpointTests
{
    [Fact]
    public async Task Recommends_for_a_known_user_with_the_arm_in_header_and_body()
    {
        await using var host = await ServingHost.StartAsync();
        using var response = await host.Client.GetAsync("/recommendations/u3?count=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, body.GetProperty("items").GetArrayLength());
        Assert.Equal("control", body.GetProperty("arm").GetString());
        Assert.Equal("control", response.Headers.GetValues("X-Arm").Single());
        Assert.Equal("v1", body.GetProperty("modelVersion").GetString());
        Assert.Equal(body.GetProperty("requestId").GetString(), response.Headers.GetValues("X-Request-Id").Single());

        // The user's history (m3, m4, m5) is left out.
        var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()).ToArray();
        Assert.DoesNotContain("m3", ids);
        Assert.DoesNotContain("m5", ids);
    }

    [Fact]
    public async Task Recommends_for_a_posted_history_and_similar_items()
    {
        await using var host = await ServingHost.StartAsync();
        using var history = await host.Client.PostAsJsonAsync("/recommendations", new { items = new[] { "m1", "m2" }, count = 3 });
        using var similar = await host.Client.GetAsync("/similar/m7?count=4");

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(3, (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, similar.StatusCode);
        var items = (await similar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Equal(4, items.GetArrayLength());
        Assert.DoesNotContain(items.EnumerateArray(), i => i.GetProperty("itemId").GetString() == "m7");
    }

    [Fact]
    public async Task The_int4_scan_serves_what_the_exact_scan_serves()
    {
        // --quantized-bits reaches the index: the 4-bit shortlist of 100 of these 400 seeded items holds the exact top 5,
        // which the exact re-ranking then orders as the exact scan does.
        await using var exact = await ServingHost.StartAsync();
        await using var int4 = await ServingHost.StartAsync("--quantized", "true", "--quantized-bits", "4");

        static async Task<string[]> Similar(ServingHost host) =>
            [.. (await host.Client.GetFromJsonAsync<JsonElement>("/similar/m7?count=5")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!)];

        Assert.Equal(await Similar(exact), await Similar(int4));
    }

    [Theory]
    [InlineData("/recommendations/nobody", "user 'nobody'")]
    [InlineData("/similar/m99999", "item 'm99999'")]
    public async Task Unknown_ids_are_404_problems_naming_the_id(string path, string named)
    {
        await using var host = await ServingHost.StartAsync();
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_item_in_a_history_is_a_404()
    {
        await using var host = await ServingHost.StartAsync();
        using var response = await host.Client.PostAsJsonAsync("/recommendations", new { items = new[] { "m1", "zzz" }, count = 3 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/recommendations/u1?count=0")]
    [InlineData("/recommendations/u1?count=101")]
    [InlineData("/similar/m1?count=-3")]
    public async Task A_count_out_of_range_is_a_400_problem(string path)
    {
        await using var host = await ServingHost.StartAsync();
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and 100", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_empty_history_is_a_400()
    {
        await using var host = await ServingHost.StartAsync();
        using var response = await host.Client.PostAsJsonAsync("/recommendations", new { items = Array.Empty<string>(), count = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_version_and_item_count()
    {
        await using var host = await ServingHost.StartAsync();
        var health = await host.Client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        var control = health.GetProperty("arms")[0];
        Assert.Equal("v1", control.GetProperty("modelVersion").GetString());
        Assert.Equal(ModelFolders.Items, control.GetProperty("items").GetInt32());
    }
}

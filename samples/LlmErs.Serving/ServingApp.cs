using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmErs.Serving.Endpoints;
using LlmErs.Serving.Models;
using LlmErs.Serving.Routing;
using LlmErs.Serving.Telemetry;
using LlmErs.Vectors;
using OpenTelemetry.Metrics;

namespace LlmErs.Serving;

/// <summary>
/// The serving host: top-K recommendations from models the offline job exported, with atomic model swaps, an A/B split,
/// an exposure log and metrics. Nothing here can reach a language model: the project references LlmErs.Vectors only.
/// </summary>
public static class ServingApp
{
    /// <summary>Builds the host from command-line style <paramref name="args"/> (<c>--from DIR --urls URL …</c>).</summary>
    /// <exception cref="ServingSetupException">The model folder or its files are missing; the message names them.</exception>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = ServingOptions.Read(builder.Configuration);

        // Per-request framework logs at Information would cost more than the scan itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServingJsonContext.Default);
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // An arm without traffic has no rate (NaN); JSON has no NaN literal otherwise.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        builder.Services.AddProblemDetails();

        builder.Services.AddSingleton(options);
        var router = OpenModels(options);

        // A factory, not an instance, so the container disposes the router (and unmaps the stores) with the host.
        builder.Services.AddSingleton(_ => router);
        builder.Services.AddSingleton<ServingMetrics>();
        builder.Services.AddSingleton<ModelReloader>();
        if (!string.Equals(options.ExposureLog, "none", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton(_ => new ExposureLogWriter(options.ExposureLog));
        }

        if (options.ConsoleMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ServingMetrics.MeterName).AddConsoleExporter());
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();

            // The exception handler outside this middleware writes the 500 only after the exception has passed here.
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                var arm = context.Items[RecommendationEndpoints.ArmItem] as string ?? "none";
                var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                context.RequestServices.GetRequiredService<ServingMetrics>().RecordRequest(endpoint, status, arm, Stopwatch.GetElapsedTime(started));
            }
        });

        RecommendationEndpoints.Map(app);
        FeedbackEndpoints.Map(app);
        HealthEndpoint.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }

    /// <summary>Checks the split settings, then opens the control model and the candidate, if any.</summary>
    private static ArmRouter OpenModels(ServingOptions options)
    {
        TrafficSplit split;
        try
        {
            split = new TrafficSplit(options.Experiment, options.TreatmentPercent);
        }
        catch (ArgumentException e)
        {
            throw new ServingSetupException($"--treatment-percent and --experiment do not make a split: {e.Message}", e);
        }

        var control = ModelFolder.Open(options.From, options.Store, options.IndexOptions);
        try
        {
            var treatment = options.Candidate is null ? null : ModelFolder.Open(options.Candidate, options.Store, options.IndexOptions);
            return new ArmRouter(new ModelSlot(control), new ModelSlot(treatment), split);
        }
        catch
        {
            control.Dispose();
            throw;
        }
    }

    /// <summary>Builds and runs the host until it is stopped; a setup error is printed with its fix and exits with 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (ServingSetupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        await using (app)
        {
            await app.RunAsync();
        }

        return 0;
    }
}

using LlmErs.Serving.Models;

namespace LlmErs.Serving.Tests;

public sealed class SetupErrorTests
{
    [Fact]
    public void A_missing_folder_names_it_and_the_command_that_writes_it()
    {
        using var directory = new TempDirectory();
        var missing = directory.File("nothing-here");

        var error = Assert.Throws<ServingSetupException>(() => ServingApp.Build(["--from", missing]));

        Assert.Contains(missing, error.Message);
        Assert.Contains("dotnet run --project samples/LlmErs.Quickstart", error.Message);
    }

    [Fact]
    public void A_folder_without_the_store_names_the_file_and_the_command()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<ServingSetupException>(() => ServingApp.Build(["--from", directory.Path]));

        Assert.Contains("movies.vec", error.Message);
        Assert.Contains("dotnet run --project samples/LlmErs.Quickstart", error.Message);
    }

    [Fact]
    public void A_treatment_share_outside_0_to_100_is_a_setup_error()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<ServingSetupException>(() => ServingApp.Build(["--from", directory.Path, "--treatment-percent", "150"]));

        Assert.Contains("--treatment-percent", error.Message);
    }

    [Fact]
    public void A_quantized_width_other_than_8_or_4_is_a_setup_error()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<ServingSetupException>(() => ServingApp.Build(["--from", directory.Path, "--quantized", "true", "--quantized-bits", "2"]));

        Assert.Contains("--quantized-bits must be 8 or 4; it was 2", error.Message);
    }
}

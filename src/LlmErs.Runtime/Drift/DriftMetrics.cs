using System.Globalization;

namespace LlmErs;

/// <summary>Builds <see cref="DriftMetric"/>s: their names, and the severity a value earns against its thresholds.</summary>
internal static class DriftMetrics
{
    public const string Psi = "PSI";

    /// <summary>A statistic that warns at <paramref name="warn"/> and alerts at <paramref name="alert"/> or above.</summary>
    public static DriftMetric AtLeast(string name, double value, double warn, double alert) =>
        new(name, value, null, null, Grade(value, warn, alert), $"warn ≥ {Format(warn)}, alert ≥ {Format(alert)}");

    /// <summary>A KS statistic: it counts only when significant at <see cref="DriftOptions.KsPValue"/>.</summary>
    public static DriftMetric Ks(string name, double statistic, double pValue, DriftOptions options) =>
        new(name, statistic, null, null, pValue < options.KsPValue ? Grade(statistic, options.KsWarn, options.KsAlert) : DriftSeverity.None,
            $"warn ≥ {Format(options.KsWarn)}, alert ≥ {Format(options.KsAlert)} when p < {Format(options.KsPValue)}", pValue);

    /// <summary>A value in both runs whose absolute change is graded.</summary>
    public static DriftMetric Change(string name, double old, double @new, double warn, double alert, string unit) =>
        new(name, @new - old, old, @new, Grade(Math.Abs(@new - old), warn, alert), $"warn at a change ≥ {Format(warn)}{unit}, alert ≥ {Format(alert)}{unit}");

    /// <summary>A statistic shown for context, never graded.</summary>
    public static DriftMetric Shown(string name, double value, double? old = null, double? @new = null) => new(name, value, old, @new, DriftSeverity.None, null);

    public static DriftSeverity Grade(double value, double warn, double alert) =>
        value >= alert ? DriftSeverity.Alert : value >= warn ? DriftSeverity.Warn : DriftSeverity.None;

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

using System.Text;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>
/// Console output that waits until <see cref="Release"/> and then goes straight through: work that runs beside another
/// step's live output (the next protocol, prepared and trained while this one's rows train) writes here, and its lines
/// appear whole after that output. <see cref="Console"/> renders as the real console would (its width, colours and
/// escape codes).
/// </summary>
internal sealed class HeldConsole
{
    private readonly Holder _holder;

    /// <param name="output">Where the lines go once released: the real console's <see cref="System.Console.Out"/>.</param>
    /// <param name="profile">The real console's profile, whose capabilities <see cref="Console"/> copies.</param>
    public HeldConsole(TextWriter output, Profile profile)
    {
        _holder = new Holder(output);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = (ColorSystemSupport)profile.Capabilities.ColorSystem,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_holder),
        });
        Console.Profile.Width = profile.Width;
    }

    /// <summary>Plain text output.</summary>
    public TextWriter Out => _holder;

    /// <summary>Markup output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Whether output still waits; a status line rewritten in place has no place in held output.</summary>
    public bool IsHeld => _holder.IsHeld;

    /// <summary>Writes what waited, in order, and lets what follows through.</summary>
    public void Release() => _holder.Release();

    private sealed class Holder(TextWriter output) : TextWriter
    {
        private readonly Lock _gate = new();
        private StringBuilder? _held = new();

        public override Encoding Encoding => output.Encoding;

        public bool IsHeld
        {
            get
            {
                lock (_gate)
                {
                    return _held is not null;
                }
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                output.Write(_held?.ToString());
                output.Flush();
                _held = null;
            }
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        // One write, so that a line from another thread cannot land between a line and its end.
        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Write(string? value)
        {
            lock (_gate)
            {
                if (_held is not null)
                {
                    _held.Append(value);
                }
                else
                {
                    output.Write(value);
                }
            }
        }

        public override void Flush()
        {
            lock (_gate)
            {
                if (_held is null)
                {
                    output.Flush();
                }
            }
        }
    }
}

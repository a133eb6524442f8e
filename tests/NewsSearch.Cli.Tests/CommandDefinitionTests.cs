using System.CommandLine;

namespace NewsSearch.Cli.Tests;

/// <summary>Every command, argument and option is described, so --help never shows a blank line.</summary>
public sealed class CommandDefinitionTests
{
    [Fact]
    public void EverySymbol_HasADescription()
    {
        using var output = new StringWriter();
        var root = CliApp.BuildRoot(new CliContext { Out = output, Error = output });

        foreach (var command in Flatten(root))
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"command '{command.Name}' has no description");
            foreach (var option in command.Options)
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"option '{option.Name}' of '{command.Name}' has no description");
            }
            foreach (var argument in command.Arguments)
            {
                Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"argument '{argument.Name}' of '{command.Name}' has no description");
            }
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("search", "--help")]
    [InlineData("index", "--help")]
    [InlineData("quotes", "--help")]
    [InlineData("extract", "--help")]
    [InlineData("eval", "quotes", "--help")]
    public void Help_ExitsZero_AndNamesTheProgram(params string[] args)
    {
        using var cli = new CliRunner();

        var result = cli.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("newssearch", result.Out, StringComparison.Ordinal);
    }

    private static IEnumerable<Command> Flatten(Command command) => command.Subcommands.SelectMany(Flatten).Prepend(command);
}

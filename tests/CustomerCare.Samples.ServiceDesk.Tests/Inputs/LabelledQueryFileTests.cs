using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Inputs;
using CustomerCare.Tests.Shared;

namespace CustomerCare.Samples.ServiceDesk.Tests.Inputs;

public class LabelledQueryFileTests
{
    [Fact]
    public void Read_BadRows_ReportedWithLineAndColumn()
    {
        var csv = string.Join('\n',
            "text,category",
            "\"Where is my card, it has not arrived\",card_arrival",
            ",card_arrival",
            "Why was my payment reverted?,reverted_card_payment?",
            "What is this?,not a label");

        var (queries, rows, issues) = LabelledQueryFile.Read(new StringReader(csv));

        Assert.Equal(4, rows);
        Assert.Equal(2, queries.Count);
        Assert.Equal(("Where is my card, it has not arrived", ContactReason.Parse("card_arrival")), queries[0]);
        Assert.Equal(ContactReason.Parse("reverted_card_payment"), queries[1].Intent);
        Assert.Collection(issues,
            i => Assert.Equal((3L, "text", true), (i.Line, i.Column, i.RowSkipped)),
            i => Assert.Equal((5L, "category", true), (i.Line, i.Column, i.RowSkipped)));
        Assert.Contains("'not a label'", issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingColumn_NamesColumnAndExpectation()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "query,intent\nhello,greeting\n");

        try
        {
            var error = Assert.Throws<InputFileException>(() => LabelledQueryFile.Read(path));

            Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
            Assert.Contains("'text', 'category'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_Banking77Train_AllRowsRead()
    {
        var path = SharedData.File("banking77", "train.csv");
        if (path is null)
        {
            Assert.Skip(SharedData.SkipReason);
        }

        var (queries, rows, issues) = LabelledQueryFile.Read(path);

        Assert.Equal(10_003, rows);
        Assert.Empty(issues);
        Assert.Equal(77, queries.Select(q => q.Intent).Distinct().Count());
    }
}

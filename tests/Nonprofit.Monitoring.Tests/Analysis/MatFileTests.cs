using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Nonprofit.Evaluation.Ctg;

namespace Nonprofit.Monitoring.Tests.Analysis;

public sealed class MatFileTests
{
    private static string Analyses(string method) => Path.Combine(SharedData.Fhrma, "FHRMAdataset", "analyses", $"{method}_std.mat");

    [Theory]
    [InlineData("A")]
    [InlineData("MD")]
    [InlineData("W")]
    public void Read_FhrmaAnalyses_StructOfTheDocumentedShape(string method)
    {
        var data = MatFile.Read(Analyses(method))["data"];

        Assert.Equal(MatClass.Struct, data.Class);
        Assert.Equal([1, 156], data.Dimensions);
        Assert.Subset(data.FieldNames.ToHashSet(), new HashSet<string> { "filename", "baseline", "accelerations", "decelerations" });
        for (var k = 0; k < 156; k++)
        {
            var entry = data.Elements[k];
            var expected = k < 90 ? $"test{k + 1:00}.fhr" : $"train{k - 89:00}.fhr";
            Assert.Equal(expected, entry["filename"].Text);
            Assert.Equal(MatClass.Double, entry["baseline"].Class);
            Assert.Equal(1, entry["baseline"].Rows);
            Assert.True(entry["baseline"].Real.Count(v => v is >= 50 and <= 220) >= 0.99 * entry["baseline"].Count);
            foreach (var field in new[] { "accelerations", "decelerations" })
            {
                var events = entry[field];
                if (events.Count == 0)
                {
                    continue;
                }

                Assert.Equal(2, events.Columns);
                for (var i = 0; i < events.Rows; i++)
                {
                    Assert.True(events[i, 0] >= 0 && events[i, 0] < events[i, 1], $"{method} {expected} {field} {i}");
                }
            }
        }
    }

    [Fact]
    public void Read_FhrmaAnalyses_BaselineAsLongAsTheRecording()
    {
        var data = MatFile.Read(Analyses("W"))["data"];
        var train01 = data.Elements[90];
        var recording = CtgReader.Read(Path.Combine(SharedData.Fhrma, "FHRMAdataset", "traindata", "train01.fhr"));

        Assert.Equal(recording.Length, train01["baseline"].Count);
        var last = train01["decelerations"];
        Assert.True(last.Count == 0 || last[last.Rows - 1, 1] * 60 <= recording.Duration.TotalSeconds + 1);
    }

    [Fact]
    public void Read_HandMadeFile_EveryElementForm()
    {
        // double 2x3 stored as uint8 (uncompressed), a compressed char array, a cell of int32/double, a 1x2 struct.
        var file = new MemoryStream();
        var header = new byte[128];
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, test").CopyTo(header, 0);
        header[124] = 0;
        header[125] = 1;
        header[126] = (byte)'I';
        header[127] = (byte)'M';
        file.Write(header);
        file.Write(Matrix("m", 6, [2, 3], Element(2, [1, 2, 3, 4, 5, 250])));
        file.Write(Compressed(Matrix("s", 4, [1, 3], Element(16, Encoding.UTF8.GetBytes("abc")))));
        file.Write(Matrix("c", 1, [1, 2], [.. Matrix("", 6, [1, 1], Element(5, BitConverter.GetBytes(-7))), .. Matrix("", 6, [1, 1], Element(9, BitConverter.GetBytes(2.5)))]));
        var names = new byte[16];
        Encoding.ASCII.GetBytes("x").CopyTo(names, 0);
        Encoding.ASCII.GetBytes("yy").CopyTo(names, 8);
        file.Write(Matrix("st", 2, [1, 2], [
            .. SmallElement(5, BitConverter.GetBytes(8)),
            .. Element(1, names),
            .. Matrix("", 6, [1, 1], Element(4, BitConverter.GetBytes((ushort)300))),
            .. Matrix("", 6, [0, 2], []),
            .. Matrix("", 6, [1, 1], Element(9, BitConverter.GetBytes(-1.25))),
            .. Matrix("", 4, [1, 1], Element(16, "z"u8.ToArray())),
        ]));

        var vars = MatFile.Read(file.ToArray());

        Assert.Equal([2, 3], vars["m"].Dimensions);
        Assert.Equal(5, vars["m"][0, 2]);   // column-major: (0,2) is the 5th stored value
        Assert.Equal(4, vars["m"][1, 1]);
        Assert.Equal(250, vars["m"][1, 2]);
        Assert.Equal("abc", vars["s"].Text);
        Assert.Equal(-7, vars["c"].Cells[0].Real[0]);
        Assert.Equal(2.5, vars["c"].Cells[1].Real[0]);
        Assert.Equal(["x", "yy"], vars["st"].FieldNames);
        Assert.Equal(300, vars["st"].Elements[0]["x"].Real[0]);
        Assert.Equal(0, vars["st"].Elements[0]["yy"].Count);
        Assert.Equal(-1.25, vars["st"].Elements[1]["x"].Real[0]);
        Assert.Equal("z", vars["st"].Elements[1]["yy"].Text);
    }

    [Fact]
    public void Read_BadInput_FormatException()
    {
        var good = File.ReadAllBytes(Analyses("A"));

        Assert.Throws<FormatException>(() => MatFile.Read(new byte[100]));
        var bigEndian = (byte[])good.Clone();
        bigEndian[126] = (byte)'M';
        bigEndian[127] = (byte)'I';
        Assert.Throws<FormatException>(() => MatFile.Read(bigEndian));
        var truncated = good.AsSpan(0, 4096).ToArray();
        Assert.ThrowsAny<Exception>(() => MatFile.Read(truncated));
    }

    private static byte[] Element(int type, byte[] data)
    {
        var padded = (data.Length + 7) & ~7;
        var b = new byte[8 + padded];
        BinaryPrimitives.WriteInt32LittleEndian(b, type);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), data.Length);
        data.CopyTo(b, 8);
        return b;
    }

    private static byte[] SmallElement(int type, byte[] data)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)(type | (data.Length << 16)));
        data.CopyTo(b, 4);
        return b;
    }

    private static byte[] Matrix(string name, int cls, int[] dims, byte[] content)
    {
        var flags = new byte[8];
        flags[0] = (byte)cls;
        byte[] body = [
            .. Element(6, flags),
            .. Element(5, dims.SelectMany(BitConverter.GetBytes).ToArray()),
            .. name.Length is > 0 and <= 4 ? SmallElement(1, Encoding.ASCII.GetBytes(name)) : Element(1, Encoding.ASCII.GetBytes(name)),
            .. content,
        ];
        return Element(14, body);
    }

    private static byte[] Compressed(byte[] element)
    {
        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(element);
        }

        return Element(15, buffer.ToArray());
    }
}

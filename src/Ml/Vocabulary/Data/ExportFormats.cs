namespace GanRsSandbox.Ml.Data;

public static class ExportFormats
{
    public static string Name(this ExportFormat format) => NamedValues.NameOf(format);

    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.RecBole => ".inter",
        ExportFormat.Parquet => ".parquet",
        _ => ".csv",
    };

    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Parquet => "application/vnd.apache.parquet",
        _ => "text/csv",
    };
}

using Wissensassistent.ServiceDefaults;
using Wissensassistent.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddWissensassistent();
builder.AddTelemetry();
builder.AddWebUi();

var app = builder.Build();
app.MapWebUi();
app.Run();

/// <summary>Entry point; public so that tests can host the app.</summary>
public partial class Program;

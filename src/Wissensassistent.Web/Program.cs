using Wissensassistent.ServiceDefaults;
using Wissensassistent.Web;
using Wissensassistent.Web.OpenInterfaces;

var builder = WebApplication.CreateBuilder(args);

builder.AddWissensassistent();
builder.AddTelemetry();
builder.AddWebUi();
builder.AddOpenInterfaces();

var app = builder.Build();
app.MapWebUi();
app.MapOpenInterfaces();
app.Run();

/// <summary>Entry point; public so that tests can host the app.</summary>
public partial class Program;

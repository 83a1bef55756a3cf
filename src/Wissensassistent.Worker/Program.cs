using Wissensassistent.ServiceDefaults;
using Wissensassistent.Worker;

var builder = WebApplication.CreateBuilder(args);
builder.AddWissensassistent();
builder.AddTelemetry();
builder.AddWorker();

var app = builder.Build();
app.MapWorkerEndpoints();
return app.RunWorker();

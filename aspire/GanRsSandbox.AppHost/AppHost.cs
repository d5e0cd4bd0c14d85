var builder = DistributedApplication.CreateBuilder(args);

var silo = builder.AddProject<Projects.GanRsSandbox_Silo>("silo");
builder.AddProject<Projects.GanRsSandbox_BlazorUi>("web")
    .WithReference(silo)
    .WaitFor(silo);

builder.Build().Run();

using LlmErs.Serving;

return await ServingApp.RunAsync(args);

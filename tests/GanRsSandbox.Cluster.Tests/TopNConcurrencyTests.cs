using System.Net;
using System.Text.Json.Nodes;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cluster.Tests;

[Collection(ApiCollection.Name)]
public sealed class TopNConcurrencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task Two_hundred_parallel_queries_all_succeed_and_match_the_engine()
    {
        var api = new ApiTests(fixture);
        var (datasetId, modelId) = await api.TrainedModelAsync("deepmf");
        var dataset = (await api.GetJson($"/api/datasets/{datasetId}"))!;
        var model = (await api.GetJson($"/api/models/{modelId}"))!;

        var users = Enumerable.Range(1, 200).Select(i => (i % 120 + 1).ToString()).ToList();
        var responses = await Task.WhenAll(users.Select(user => fixture.Client.GetAsync($"/api/models/{modelId}/recommendations?user={user}&n=10")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // The same model and dataset, loaded from their artifacts and scored directly by the engine.
        using var engineModel = BaselineModel.Load(Artifact(model));
        var data = DatasetFile.Load(Artifact(dataset));
        var engine = new Recommender(engineModel, data);
        for (var q = 0; q < users.Count; q++)
        {
            var served = (JsonArray)JsonNode.Parse(await responses[q].Content.ReadAsStringAsync())!;
            var expected = engine.Recommend(Array.IndexOf(data.UserIds, users[q]), 10);
            Assert.Equal(expected.Select(r => data.ItemIds[r.Item]), served.Select(r => (string)r!["item"]!));
            Assert.Equal(expected.Select(r => r.Score), served.Select(r => (float)(double)r!["score"]!));
        }
    }

    private string Artifact(JsonNode resource) => Path.Combine(fixture.DataDirectory, "artifacts", (string)resource["artifact"]!["hash"]!);
}

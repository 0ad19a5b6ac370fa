[assembly: AssemblyFixture(typeof(CustomerCare.Storage.PostgreSql.Tests.PostgresServer))]

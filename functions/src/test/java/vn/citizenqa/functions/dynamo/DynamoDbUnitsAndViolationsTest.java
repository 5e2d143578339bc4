package vn.citizenqa.functions.dynamo;

import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.UnitsAndViolationsContract;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;

/** Units and violations, against DynamoDB (dynalite, LocalStack or DYNAMODB_ENDPOINT): each test on a new table. */
class DynamoDbUnitsAndViolationsTest extends UnitsAndViolationsContract {

    @Override
    protected Store newStore(MutableClock clock, StoreSettings settings) {
        DynamoDbTestServer server = DynamoDbTestServer.get();
        return new DynamoDbStore(server.client(), server.createTable(), clock, settings);
    }
}

package vn.citizenqa.functions.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The signer against AWS's own worked examples: the IAM user guide's signed request (GET ListUsers on
 * iam.amazonaws.com, 20150830T123600Z, with its canonical-request hash and its signature) and two cases of AWS's
 * SigV4 test suite (get-vanilla, post-vanilla), all with the documentation's example keys.
 */
class SigV4SignerTest {

    private static final AwsKeys EXAMPLE = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, null);
    private static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");

    @Test
    void theIamGuidesListUsersExampleGetsItsDocumentedSignature() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "iam.amazonaws.com");
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

        TreeMap<String, String> canonicalHeaders = new TreeMap<>(Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8",
                "host", "iam.amazonaws.com", "x-amz-date", "20150830T123600Z"));
        String canonical = SigV4Signer.canonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", canonicalHeaders,
                SigV4Signer.hex(SigV4Signer.sha256(new byte[0])));
        assertEquals("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
                SigV4Signer.hex(SigV4Signer.sha256(canonical.getBytes(StandardCharsets.UTF_8))));

        SigV4Signer.Signature s = SigV4Signer.sign(EXAMPLE, "us-east-1", "iam", AT, "GET", "/", "Action=ListUsers&Version=2010-05-08",
                headers, new byte[0]);
        assertEquals("20150830T123600Z", s.amzDate());
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", s.authorization());
    }

    @Test
    void theTestSuitesVanillaRequestsGetTheirSignatures() {
        SigV4Signer.Signature get = SigV4Signer.sign(EXAMPLE, "us-east-1", "service", AT, "GET", "/", "",
                Map.of("Host", "example.amazonaws.com"), new byte[0]);
        assertTrue(get.authorization().endsWith("SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"), get.authorization());

        SigV4Signer.Signature post = SigV4Signer.sign(EXAMPLE, "us-east-1", "service", AT, "POST", "/", "",
                Map.of("Host", "example.amazonaws.com"), new byte[0]);
        assertTrue(post.authorization().endsWith("Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                post.authorization());
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        AwsKeys session = new AwsKeys("ASIAEXAMPLE", "secret", "the-session-token", null);
        SigV4Signer.Signature s = SigV4Signer.sign(session, "ap-southeast-1", "dynamodb", AT, "POST", "/", "",
                Map.of("host", "dynamodb.ap-southeast-1.amazonaws.com", "x-amz-target", "DynamoDB_20120810.GetItem"), "{}".getBytes());
        assertEquals("the-session-token", s.securityToken());
        assertTrue(s.authorization().contains("Credential=ASIAEXAMPLE/20150830/ap-southeast-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target, "), s.authorization());
        assertTrue(!new AwsKeys("ASIAEXAMPLE", "secret", "the-session-token", null).toString().contains("secret"));
    }
}

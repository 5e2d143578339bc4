package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** invoke works out a function's environment from template.yaml as {@code sam local invoke} does. */
class SamTemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.parse("""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Secret:
                Type: String
                NoEcho: true
              Days:
                Type: Number
                Default: 180
              Stage:
                Type: String
                Default: prod
              Hosts:
                Type: CommaDelimitedList
                Default: a.example, b.example
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              Function:
                Handler: a.b.Global::handleRequest
                Environment:
                  Variables:
                    TABLE_NAME: !Ref Table
                    DAYS: !Ref Days
                    SHARED: from-globals
                    LOCAL_ONLY: ''
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.b.Own::handleRequest
                  Environment:
                    Variables:
                      SECRET: !Ref Secret
                      SHARED: from-function
                      URL: !Sub 'https://${Table}.example/${AWS::Region}'
                      REGION_PATH: !Sub
                        - '/${Region}/${!Literal}'
                        - Region: !Ref AWS::Region
                      ARN: !GetAtt Table.Arn
                      MODE: !If [IsProd, live, test]
                      JOINED: !Join ['|', [x, !Ref Stage, !Select [1, !Ref Hosts]]]
                      DROPPED: !If [IsProd, !Ref AWS::NoValue, kept]
                      FLAG: true
              Other:
                Type: AWS::Serverless::Function
            """, "test template");

    private static Map<String, String> env(SamTemplate.Overrides overrides, Map<String, String> shell) {
        return TEMPLATE.environment("Fn", overrides, shell);
    }

    @Test
    void globalsAreMergedUnderTheFunctionsOwnVariablesAndIntrinsicsAreEvaluated() {
        Map<String, String> env = env(SamTemplate.Overrides.NONE, Map.of("AWS_REGION", "ap-southeast-1"));
        assertEquals("from-function", env.get("SHARED"));
        assertEquals("180", env.get("DAYS"), "a parameter's default");
        assertEquals("live", env.get("MODE"), "Fn::If on a condition of parameters");
        assertEquals("x|prod|b.example", env.get("JOINED"), "Fn::Join, Fn::Select over a list parameter");
        assertEquals("/ap-southeast-1/${Literal}", env.get("REGION_PATH"), "Fn::Sub with its own variables and ${!…}");
        assertEquals("true", env.get("FLAG"));
        assertFalse(env.containsKey("DROPPED"), "AWS::NoValue leaves the variable out");
        assertEquals("a.b.Own::handleRequest", TEMPLATE.handler("Fn"));
        assertEquals("a.b.Global::handleRequest", TEMPLATE.handler("Other"), "the handler from Globals");
    }

    @Test
    void whatOnlyADeploymentKnowsIsEmptyAndAParameterWithoutValueToo() {
        Map<String, String> env = env(SamTemplate.Overrides.NONE, Map.of());
        assertEquals("", env.get("TABLE_NAME"), "a resource's Ref: nothing is deployed");
        assertEquals("", env.get("ARN"));
        assertEquals("", env.get("URL"), "a Sub naming a resource");
        assertEquals("", env.get("SECRET"), "a parameter without default or override");
    }

    @Test
    void parameterOverridesAndTheEnvVarsFileOverrideInSamsOrder() {
        var overrides = EnvVars.overrides(null, "Secret=s3cr3t ParameterKey=Stage,ParameterValue=dev", TEMPLATE.parameterNames());
        Map<String, String> env = env(overrides, Map.of());
        assertEquals("s3cr3t", env.get("SECRET"));
        assertEquals("test", env.get("MODE"), "the condition follows the overridden parameter");

        var file = new SamTemplate.Overrides(Map.of("Days", "30"), Map.of("SHARED", "from-file-for-all", "NOT_DECLARED", "x"),
                Map.of("Fn", Map.of("LOCAL_ONLY", "from-file-for-Fn")));
        env = env(file, Map.of("SHARED", "from-shell", "LOCAL_ONLY", "from-shell", "AWS_PROFILE", "dev", "HOME", "/root"));
        assertEquals("30", env.get("DAYS"), "the file's Parameters section naming a template parameter sets it");
        assertEquals("from-file-for-all", env.get("SHARED"), "the file beats the shell");
        assertEquals("from-file-for-Fn", env.get("LOCAL_ONLY"), "the function's section beats the rest");
        assertFalse(env.containsKey("NOT_DECLARED"), "only variables the template declares are passed");
        assertFalse(env.containsKey("HOME"));
        assertEquals("dev", env.get("AWS_PROFILE"), "the shell's AWS_* variables are passed");
    }

    @Test
    void theShellOverridesADeclaredVariable() {
        assertEquals("mine", env(SamTemplate.Overrides.NONE, Map.of("TABLE_NAME", "mine")).get("TABLE_NAME"));
    }

    @Test
    void mistakesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> TEMPLATE.environment("Nope", SamTemplate.Overrides.NONE, Map.of()));
        assertTrue(e.getMessage().contains("Fn, Other"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnvVars.overrides(null, "NoEquals", Set.of()));
        var dup = assertThrows(IllegalArgumentException.class, () -> SamTemplate.parse("Resources:\n  A: 1\n  A: 2\n", "dup.yaml"));
        assertTrue(dup.getMessage().contains("duplicate key 'A'"), dup.getMessage());
        var noHandler = assertThrows(IllegalArgumentException.class,
                () -> SamTemplate.parse("Resources:\n  F:\n    Type: AWS::Serverless::Function\n", "x.yaml").handler("F"));
        assertTrue(noHandler.getMessage().contains("no Handler"), noHandler.getMessage());
    }
}

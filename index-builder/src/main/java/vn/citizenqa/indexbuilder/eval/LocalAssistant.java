package vn.citizenqa.indexbuilder.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureIndex;
import vn.citizenqa.core.triage.SafetyModel;
import vn.citizenqa.core.triage.ScamWarnings;
import vn.citizenqa.indexbuilder.WarningLoader;
import vn.citizenqa.indexbuilder.IndexBuild;
import vn.citizenqa.indexbuilder.InvalidKnowledgeException;
import vn.citizenqa.indexbuilder.KnowledgeLoader;

/**
 * The assistant built straight from a knowledge folder, in memory, the way the functions build it from the
 * package: for the evaluation and the knowledge-base tests.
 */
public record LocalAssistant(Assistant assistant, List<Procedure> procedures, ByteBuffersDirectory index) {

    public static LocalAssistant build(Path knowledgeDir) throws IOException, InvalidKnowledgeException {
        return build(knowledgeDir, vn.citizenqa.indexbuilder.SafetyModelTraining.developmentSplits());
    }

    /** The same with the safety and report models trained on these development splits of the safety set only. */
    public static LocalAssistant build(Path knowledgeDir, List<String> safetySplits)
            throws IOException, InvalidKnowledgeException {
        List<Procedure> procedures = new KnowledgeLoader().load(knowledgeDir);
        ByteBuffersDirectory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        ProcedureIndex.write(procedures, dir);
        // The files the build generates (the safety model) are made here too, as the build makes them.
        java.util.Map<String, byte[]> generated = java.util.Map.of(
                SafetyModel.FILE, IndexBuild.safetyModel(knowledgeDir,
                        vn.citizenqa.indexbuilder.SafetyModelTraining.Target.EMERGENCY, safetySplits)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SafetyModel.REPORT_FILE, IndexBuild.safetyModel(knowledgeDir,
                        vn.citizenqa.indexbuilder.SafetyModelTraining.Target.REPORT, safetySplits)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ScamWarnings.FILE, ScamWarnings.write(new WarningLoader().load(knowledgeDir))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        KnowledgeFiles folder = KnowledgeFiles.directory(knowledgeDir);
        KnowledgeFiles files = path -> generated.containsKey(path) ? new java.io.ByteArrayInputStream(generated.get(path))
                : folder.open(path);
        return new LocalAssistant(Assistant.open(dir, files), procedures, dir);
    }
}

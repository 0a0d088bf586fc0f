package org.reportremove.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.problem.ProblemType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients switch on problem types, so every type the code can answer with is listed in docs/api/problems.md, and
 * no two kinds share a type URI.
 */
class ProblemTypesDocumentedTest {

    @Test
    void everyProblemTypeIsDocumentedOnce() throws IOException, ReflectiveOperationException {
        String docs = Files.readString(Path.of("docs/api/problems.md"), StandardCharsets.UTF_8);
        List<ProblemType> types = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reportremove")) {
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getRawType().isEquivalentTo(ProblemType.class)) {
                    java.lang.reflect.Field reflected = field.reflect();
                    reflected.setAccessible(true);
                    types.add((ProblemType) reflected.get(null));
                }
            }
        }
        assertTrue(types.size() > 20, "the problem types were not found: " + types.size());
        List<String> undocumented = types.stream().map(ProblemType::slug)
                .filter(slug -> !docs.contains("| `" + slug + "` |")).toList();
        assertEquals(List.of(), undocumented, "problem types missing from docs/api/problems.md");
        Set<String> slugs = new HashSet<>();
        List<String> twice = types.stream().map(ProblemType::slug).filter(slug -> !slugs.add(slug)).toList();
        assertEquals(List.of(), twice, "two kinds of problem share a type URI");
    }
}

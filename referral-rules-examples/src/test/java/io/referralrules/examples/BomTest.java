package io.referralrules.examples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM this module imports names every published artifact of the project, at the project's version, and nothing
 * else: a module added to the build without a line in the BOM, or left in it after it stops being published, fails.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        String version = text(parent.getDocumentElement(), "version");
        List<String> published = new ArrayList<>();
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            boolean skipped = pom.getElementsByTagName("maven.deploy.skip").getLength() > 0
                    && "true".equals(pom.getElementsByTagName("maven.deploy.skip").item(0).getTextContent().strip());
            if (!skipped && !module.equals("referral-rules-bom")) {
                published.add(module);
            }
        }

        Document bom = read(ROOT.resolve("referral-rules-bom/pom.xml"));
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(version);
        assertThat(bom.getElementsByTagName("parent").getLength()).as("a BOM with a parent would import its management too")
                .isZero();
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "groupId")).isEqualTo("io.referralrules");
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            managed.add(text(dependency, "artifactId"));
        }
        assertThat(published).contains("referral-rules-api", "referral-rules-engine", "referral-rules-host-rules");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the element's direct child of that name. */
    private static String text(Element element, String child) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + child + "> in <" + element.getTagName() + ">");
    }
}

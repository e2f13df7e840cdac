package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {

  @TempDir Path root;

  private void build(String module) throws Exception {
    Path target = root.resolve(module).resolve("target");
    Files.createDirectories(target.resolve("classes").resolve("io"));
    Files.writeString(target.resolve("classes").resolve("io").resolve("Main.class"), module);
    Files.createDirectories(target.resolve("lib"));
    try (OutputStream file =
            Files.newOutputStream(target.resolve("lib").resolve("shelfstream-persistence-1.jar"));
        JarOutputStream jar = new JarOutputStream(file)) {
      jar.putNextEntry(new JarEntry(Binaries.NODE_DDL));
      jar.write(("CREATE TABLE " + module + "(x INT);").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }

  @Test
  void runsFromACopyThatARebuildDoesNotTouch() throws Exception {
    build("http-api");
    build("devkit");
    Cleanup cleanup = new Cleanup();

    try (Binaries binaries = Binaries.snapshot(root, cleanup)) {
      String classpath = binaries.classpath("http-api");
      Path classes = Path.of(classpath.substring(0, classpath.indexOf(java.io.File.pathSeparator)));
      Files.writeString(root.resolve("http-api/target/classes/io/Main.class"), "rebuilt");

      assertThat(classes).isNotEqualTo(root.resolve("http-api/target/classes"));
      assertThat(Files.readString(classes.resolve("io").resolve("Main.class")))
          .isEqualTo("http-api");
      assertThat(classpath).endsWith("lib/*");
      assertThat(binaries.nodeDdl()).isEqualTo("CREATE TABLE http-api(x INT);");
      assertThat(binaries.built()).isNotNull();
      binaries.close();
      assertThat(classes).doesNotExist();
    }
  }

  @Test
  void saysToBuildWhenTargetIsMissing() {
    assertThatThrownBy(() -> Binaries.snapshot(root, new Cleanup()))
        .hasMessageContaining("build first");
  }
}

package io.shelfstream.engine.secrets;

/**
 * A journaled event that may hold a secret (written by a version that let secrets in inline): what
 * is shown of it, to replay readers and in logs, is {@link #redacted()}.
 */
public interface Redactable {
  /** The same event with each inline secret shown as {@value SecretSettings#MASK}. */
  Object redacted();
}

/** Bedrock's `-v1:0` / `-1:0` API version suffix. */
const BEDROCK_VERSION = /-v?\d+:\d+$/;
/** Bedrock cross-region inference prefixes (`us.meta.llama…`). */
const BEDROCK_REGION = /^(?:us|eu|apac|ap|jp|au|ca|global|us-gov)\./i;
/** `vendor.` before the model: letters and hyphens only, so `qwen3.5` or `glm-4.6` never match. */
const BEDROCK_VENDOR = /^([a-z][a-z-]*[a-z])\.(?=[a-z])/i;
/** A model part that is only a version (`v3`, `r1`) needs the vendor to name a model. */
const VERSION_ONLY = /^[vr]\d/i;

/**
 * Undoes Bedrock's model-id form: `us.deepseek.r1-v1:0` → `deepseek-r1`,
 * `meta.llama3-1-70b-instruct-v1:0` → `llama3-1-70b-instruct`, `openai.gpt-oss-120b-1:0` →
 * `gpt-oss-120b`. Names not in that form come back unchanged.
 */
export function stripBedrockForm(name: string): { name: string; vendor?: string } {
  let rest = name.replace(BEDROCK_VERSION, "");
  const region = BEDROCK_REGION.exec(rest);
  const withoutRegion = region ? rest.slice(region[0].length) : rest;
  const vendor = BEDROCK_VENDOR.exec(withoutRegion);
  if (!vendor?.[1]) return { name: rest };
  rest = withoutRegion.slice(vendor[0].length);
  const vendorName = vendor[1].toLowerCase();
  return { name: VERSION_ONLY.test(rest) ? `${vendorName}-${rest}` : rest, vendor: vendorName };
}

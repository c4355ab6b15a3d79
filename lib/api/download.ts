import "server-only";
import { logger } from "@/lib/logger";

interface Download {
  filename: string;
  contentType: string;
}

/**
 * A file download streamed from `chunks` as they are produced. The first chunk is awaited before
 * the response exists, so an error there (the database) reaches the one error mapper like any
 * other; after that the status is sent, and a failure can only end the stream early (logged
 * here, the one place that sees it). Personal data: never stored by caches.
 */
export async function streamedDownload(chunks: AsyncGenerator<string>, { filename, contentType }: Download): Promise<Response> {
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.message : String(error), filename }, "download ended early");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

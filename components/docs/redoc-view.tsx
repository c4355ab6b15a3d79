"use client";

import dynamic from "next/dynamic";

// ReDoc measures the page as it renders: browser only. Its search runs in a Worker made from a
// blob: URL, which the Content-Security-Policy forbids; the menu and the document stay.
const RedocStandalone = dynamic(() => import("redoc").then((redoc) => redoc.RedocStandalone), {
  ssr: false,
  loading: () => <p>Loading ReDoc…</p>,
});

export function RedocView() {
  return (
    <RedocStandalone
      specUrl="/api/openapi.json"
      options={{
        disableSearch: true,
        hideHostname: true,
        expandResponses: "200,201,204",
        theme: { typography: { fontFamily: "system-ui, sans-serif", headings: { fontFamily: "system-ui, sans-serif" } } },
      }}
    />
  );
}

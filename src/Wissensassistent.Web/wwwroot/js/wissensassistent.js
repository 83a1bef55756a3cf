// Small browser helpers for the chat UI, called through BrowserInterop.
window.wissensassistent = {
    // Enter sends (handled by Blazor's keydown), so the browser must not insert a line break for it.
    attachQuestionBox(id) {
        const box = document.getElementById(id);
        if (!box || box.dataset.waAttached) {
            return;
        }
        box.dataset.waAttached = "1";
        box.addEventListener("keydown", e => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
            }
        });
    },

    async copyText(text) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            // Clipboard API unavailable (no secure context): fall back to a hidden text area.
            const area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "fixed";
            area.style.opacity = "0";
            document.body.appendChild(area);
            area.select();
            const copied = document.execCommand("copy");
            area.remove();
            return copied;
        }
    },

    downloadText(fileName, text, mimeType) {
        const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
    },

    // The norm view opens at the cited Absatz: centred, without animation, so that it is there at once.
    scrollToCited(id) {
        const element = document.getElementById(id);
        if (element) {
            element.scrollIntoView({ block: "center" });
        }
    },

    scrollIntoView(id) {
        const element = document.getElementById(id);
        if (element) {
            element.scrollIntoView({ behavior: "smooth", block: "end" });
        }
    }
};
